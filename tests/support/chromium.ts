/** Debian's Chromium: Playwright cannot download its own browser on these machines (`ECF_DESK_CHROMIUM` picks another). */
export const chromiumPath = process.env['ECF_DESK_CHROMIUM'] ?? '/usr/bin/chromium';

/** Chromium's flags on these machines: no sandbox (root in CI), no GPU, no calls home. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
