import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { screenshotPath } from './screenshots';

/**
 * The layouts every screen is checked and pictured in: a 1280×800 window at 100% zoom, and the same window at 150%
 * zoom, which lays out as 853×533 CSS pixels. The page keeps one device pixel per CSS pixel at both, so the 150%
 * picture is the 150% layout at a lower sharpness: what fits, wraps and scrolls is the same.
 */
export const zoomLevels = [
  { label: '100', viewport: { width: 1280, height: 800 } },
  { label: '150', viewport: { width: 853, height: 533 } },
] as const;

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

/** Waits for two frames to be drawn, so what a resize re-lays out (and measures in script) has settled. */
function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Checks the page as it stands with axe-core against WCAG 2.1 A and AA in both layouts, 100% and 150% zoom, and
 * saves a picture of each as `<name>-zoom-<level>`; the window is left at 100%. Serious and critical violations fail
 * the test, named with the elements they concern; lesser ones are not asserted.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  for (const zoom of [...zoomLevels].reverse()) {
    await page.setViewportSize(zoom.viewport);
    await nextFrames(page);
    await page.screenshot({ path: screenshotPath(`${name}-zoom-${zoom.label}`) });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(describeViolations(serious), `${name} at ${zoom.label}% zoom`).toEqual([]);
  }
}
