import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export const chromiumPath = process.env.ECF_DESK_CHROMIUM ?? '/usr/bin/chromium';

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
    {
      name: 'browser-mode',
      testMatch: /browser-mode\..*spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\..*spec\.ts/ },
  ],
});
