import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../src-main/shell/permissions';

/** A session that keeps the handlers it is given. */
function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (handler: (...args: never[]) => unknown) => (handlers['request'] = handler),
    setPermissionCheckHandler: (handler: (...args: never[]) => unknown) => (handlers['check'] = handler),
    setDevicePermissionHandler: (handler: (...args: never[]) => unknown) => (handlers['device'] = handler),
  };
  return { session: session as unknown as Session, handlers };
}

type RequestHandler = (
  contents: { getURL(): string },
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;

function requestFrom(url: string, permission: string): boolean | undefined {
  const { session, handlers } = fakeSession();
  denyAllPermissions(session);
  const callback = vi.fn();
  (handlers['request'] as RequestHandler)({ getURL: () => url }, permission, callback);
  expect(callback).toHaveBeenCalledOnce();
  return callback.mock.calls[0]?.[0] as boolean | undefined;
}

describe('denyAllPermissions', () => {
  it.each(['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read'])(
    'denies the app page’s request for %s',
    (permission) => {
      expect(requestFrom('app://ecf-desk/index.html', permission)).toBe(false);
    },
  );

  it('lets the app’s own page write text to the clipboard (Copy SHA-256), and no other page', () => {
    expect(requestFrom('app://ecf-desk/index.html', 'clipboard-sanitized-write')).toBe(true);
    expect(requestFrom('https://attacker.example/', 'clipboard-sanitized-write')).toBe(false);
  });

  it('answers permission checks with no, except the app’s clipboard write, and every device request with no', () => {
    const { session, handlers } = fakeSession();
    denyAllPermissions(session);
    const check = handlers['check'] as CheckHandler;
    expect(check(null, 'media', 'app://ecf-desk')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://ecf-desk')).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'https://attacker.example')).toBe(false);
    expect(
      (handlers['device'] as (...args: unknown[]) => boolean)({ deviceType: 'usb', origin: 'app://ecf-desk' }),
    ).toBe(false);
  });
});
