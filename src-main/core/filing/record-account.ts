import type { SessionStatus } from '../../shared/accounts';
import type { RecordAccount } from '../../shared/filing-record';

/**
 * Who the filing record names as acting at the court: the PACER account logged in now (FAQ 35: the filer's login is
 * the signature), with the attorney's name where the account has one; null when nobody is logged in.
 */
export function recordAccountOf(
  status: SessionStatus,
  nameOf: (accountId: string) => string | null,
): RecordAccount | null {
  if (status.state !== 'logged-in') {
    return null;
  }
  return { accountId: status.accountId, loginId: status.loginId, name: nameOf(status.accountId) ?? '' };
}
