import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './support/chromium';

/** How Playwright drives Debian's Chromium in browser mode. */
const browserMode = {
  browserName: 'chromium' as const,
  viewport: { width: 1280, height: 800 },
  launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] },
};

/**
 * The specs run again in a variation: every way of filing through the court's screens (a complaint with attachments, a
 * fixed PDF, a package, a new action, a court notice mid-filing, a firm's own page map, by keyboard, signatures of other
 * attorneys, a certificate of service, the training court's own NEF and free look). Their tests that never reach the
 * court are left out of the variations.
 */
const filingSpecs = /browser-mode\.(filing|keyboard|signing|signed-filing|training-court)\.spec\.ts/;
/** The specs whose filings carry a filing fee (complaints and summonses, FAQ 21): the only ones a fee prompt changes. */
const feeBearingSpecs = /browser-mode\.(filing|training-court)\.spec\.ts/;
const neverReachesTheCourt = /the review's link opens a document's findings/;

/**
 * The training court's variations (docs/court-pages.md#court-variations) the filing specs run in again, and which: the
 * app's own court reads the variation from `variation.json` in its data folder, which the specs' app helper writes from
 * the project. A fee prompt changes fee-bearing filings only; the others would meet the usual court's screens again.
 */
const courtVariations: readonly (readonly [string, Record<string, boolean>, RegExp])[] = [
  ['case-first', { caseFirst: true }, filingSpecs],
  ['attachments-screen', { attachmentsScreen: true }, filingSpecs],
  ['joint-filing', { jointFilingQuestion: true }, filingSpecs],
  ['fee-prompt', { feePrompt: true }, feeBearingSpecs],
];

/** End-to-end tests: browser mode in Chromium; the Electron spec runs where Electron's binary exists. */
export default defineConfig({
  testDir: './e2e',
  outputDir: './.output/playwright',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list'], ['json']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser-mode', testMatch: /browser-mode\..*spec\.ts/, use: browserMode },
    ...courtVariations.map(([name, courtVariation, specs]) => ({
      name: `browser-mode, court variation ${name}`,
      testMatch: specs,
      grepInvert: neverReachesTheCourt,
      metadata: { courtVariation },
      use: browserMode,
    })),
    { name: 'electron', testMatch: /electron\..*spec\.ts/ },
  ],
});
