import { FirmError } from './firm-error';

/** A user's or a mailbox's name: lower case letters, digits and `._@-`, up to 64 (the tables check the same). */
const namePattern = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** The name as stored (trimmed, lower case), or a refusal that says what a name may be. */
export function checkedName(name: string, what: 'user' | 'mailbox'): string {
  const lower = name.trim().toLowerCase();
  if (!namePattern.test(lower)) {
    throw new FirmError(
      `${what}.invalid`,
      `"${name.slice(0, 80)}" is not a ${what} name the server takes: use up to 64 letters, digits, dots, dashes, ` +
        'underscores or @, starting with a letter or digit.',
    );
  }
  return lower;
}
