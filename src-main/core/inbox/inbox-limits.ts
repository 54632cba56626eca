/**
 * How much of an email or a court page ECF Desk reads. Each limit is far above anything the courts send, so a real
 * notice or page never meets one; a larger input is refused (or, for one docket text, cut) with words that say so,
 * rather than read at a cost in time and memory that grows with whatever an attacker sends.
 */

/**
 * The largest email, or Outlook .msg file, read as a notice (25 MB, in the contract, where the renderer sees it too). A
 * .msg keeps attachments as bytes rather than base64, so an email that fits the mail services fits here as a .msg too.
 */
export { maxMailBytes } from '../../shared/contract';

/**
 * The longest notice body (the HTML part, or the text part of a Text-format notice): 2 MB. A real NEF is a few KB;
 * a multi-case notice with its recipient lists runs to a few hundred KB at most.
 */
export const maxNoticeBodyCharacters = 2 * 1024 * 1024;

/**
 * The longest docket text kept: 20,000 characters. A docket text is a few hundred characters to a few KB (the
 * longest among the real notices the tests read is under 1,000); a longer one is cut, and says so.
 */
export const maxDocketTextCharacters = 20_000;

/**
 * The most cases one notice may list: 1,000. A multi-case NEF lists the cases one filing was entered in, two to a
 * few dozen in consolidated cases and MDLs; every case becomes an inbox item, so a notice listing more is refused.
 */
export const maxCasesPerNotice = 1_000;

/**
 * The longest court page read on the way to a free look or a purchase: 2 MB. Those pages (a receipt, a login, the
 * free-look confirmation, a document menu, a frame page) are a few KB; a menu listing a few hundred attachments
 * stays well under 200 KB.
 */
export const maxCourtPageCharacters = 2 * 1024 * 1024;

/** A size in MB for a message, with one decimal. */
export function inMegabytes(size: number): string {
  return (size / (1024 * 1024)).toFixed(1);
}
