/** The custom scheme the renderer is served from; registered as privileged before the app is ready. */
export const appScheme = 'app';

/** The one host under `app://`, so every page of the app shares one origin. */
export const appHost = 'ecf-desk';

/** The address of the app's first page. */
export const appStartUrl = `${appScheme}://${appHost}/index.html`;

/**
 * Whether a URL belongs to the app's own origin (`app://ecf-desk`). Anything else is foreign:
 * navigation to it is refused and IPC from it is refused (security rule: navigation denied).
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === ''
  );
}
