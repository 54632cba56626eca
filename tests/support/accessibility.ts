import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { screenshotPath } from './screenshots';

/** The zoom levels every screen is checked and pictured at: 100% and 150% of a 1280×800 window. */
export const zoomLevels = [
  { label: '100', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  // 150% zoom lays a 1280×800 window out as 853×533 CSS pixels drawn at 1.5 device pixels each.
  { label: '150', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
] as const;

export type ZoomLevel = (typeof zoomLevels)[number];

/** A browser context laid out as a window at this zoom. */
export function contextAt(browser: Browser, zoom: ZoomLevel): Promise<BrowserContext> {
  return browser.newContext({ viewport: zoom.viewport, deviceScaleFactor: zoom.deviceScaleFactor });
}

/** One line per axe violation: its rule, impact, help text and the first few elements it names. */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join('; ')}`,
  );
}

/**
 * Checks the page as it stands with axe-core against WCAG 2.1 A and AA, and saves its picture as `<name>-<zoom>`.
 * Serious and critical violations fail the test, named with the elements they concern; lesser ones are not asserted.
 */
export async function expectAccessible(page: Page, name: string, zoom: ZoomLevel): Promise<void> {
  await page.screenshot({ path: screenshotPath(`${name}-zoom-${zoom.label}`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(describeViolations(serious), `${name} at ${zoom.label}% zoom`).toEqual([]);
}
