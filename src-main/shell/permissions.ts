import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** The one permission the app's own pages use: writing plain text (a document's SHA-256) to the clipboard. */
const clipboardWrite = 'clipboard-sanitized-write';

/** Whether a permission is the clipboard write, asked for by the app's own page. */
function isAppClipboardWrite(permission: string, origin: string): boolean {
  return permission === clipboardWrite && isAppUrl(origin);
}

/**
 * Denies every permission a page may ask for or probe (camera, notifications, geolocation, devices…),
 * except writing text to the clipboard from the app's own origin. Security rule: permission requests denied.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents: WebContents, permission, callback) =>
    callback(isAppClipboardWrite(permission, contents.getURL())),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAppClipboardWrite(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
