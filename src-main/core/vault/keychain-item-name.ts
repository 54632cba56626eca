/**
 * How a login's items are named in the keychain, under the service "ECF Desk": the password is
 * `<courtProfile>/<loginId>`, the authenticator (TOTP) secret `<courtProfile>/<loginId>#totp`.
 * `%`, `/` and `#` inside a name are written `%25`, `%2F`, `%23`, so no login id can pass for another's item.
 */

/** Which of a login's two items. */
export type KeychainItemKind = 'password' | 'totp-secret';

/** A login's item, read back from its name. */
export interface KeychainItem {
  readonly courtProfile: string;
  readonly loginId: string;
  readonly kind: KeychainItemKind;
}

const totpSuffix = '#totp';

/** The keychain account name of a login's password or TOTP secret. */
export function keychainItemName(courtProfile: string, loginId: string, kind: KeychainItemKind): string {
  const name = `${escapeSegment(courtProfile)}/${escapeSegment(loginId)}`;
  return kind === 'totp-secret' ? `${name}${totpSuffix}` : name;
}

/** The login an item name belongs to, or null for a name ECF Desk did not write. */
export function parseKeychainItemName(name: string): KeychainItem | null {
  const kind: KeychainItemKind = name.endsWith(totpSuffix) ? 'totp-secret' : 'password';
  const base = kind === 'totp-secret' ? name.slice(0, -totpSuffix.length) : name;
  const segments = base.split('/');
  if (segments.length !== 2 || base.includes('#')) {
    return null;
  }
  const [courtProfile = '', loginId = ''] = segments.map(unescapeSegment);
  if (courtProfile === '' || loginId === '') {
    return null;
  }
  return { courtProfile, loginId, kind };
}

function escapeSegment(segment: string): string {
  return segment.replace(/[%/#]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function unescapeSegment(segment: string): string {
  return segment.replace(/%(25|2F|23)/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
