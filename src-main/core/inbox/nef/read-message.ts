import { simpleParser } from 'mailparser';
import { inMegabytes, maxNoticeBodyCharacters } from '../inbox-limits';
import type { NoticeText } from './notice-text';
import { readPlainText } from './notice-text';
import { readHtml } from './read-html';

/** The parts of an RFC 822 message a notice parser needs. */
export interface NoticeMessage {
  /** The subject, unfolded; empty when the message has none. */
  readonly subject: string;
  /** The From header's addresses, then those of any "From:" line in the body (forwarded messages). */
  readonly senderAddresses: readonly string[];
  readonly body: NoticeText;
  /** The body quotes another message ("Begin forwarded message", "-----Original Message-----", …). */
  readonly quotesForwardedMessage: boolean;
}

/** An address; the lookbehind starts a match only where a run of address characters starts, keeping the search linear. */
const emailAddress = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const forwardMarker = /^(?:Begin forwarded message:|-+ ?Forwarded message ?-+|-+ ?Original Message ?-+)/i;

/**
 * Reads a raw message with mailparser, which copes with what CM/ECF sends: headers without a space
 * after the colon, folded subjects, HTML parts without a charset, quoted-printable, and
 * multipart/related forwards carrying images. The HTML part is preferred; a Text-format NEF has only
 * text/plain.
 */
export async function readMessage(raw: Buffer | string): Promise<NoticeMessage> {
  // A notice saved as its bare HTML body (no headers at all, as some courts' "save as" gives): the body is all there is.
  const start = (typeof raw === 'string' ? raw : raw.subarray(0, 512).toString('latin1'))
    .trimStart()
    .slice(0, 64)
    .toLowerCase();
  if (start.startsWith('<')) {
    const body = readHtml(withinBodyLimit(typeof raw === 'string' ? raw : raw.toString('latin1')));
    const bodySenders = body.lines
      .filter((line) => /^From:/i.test(line))
      .flatMap((line) => line.match(emailAddress) ?? []);
    return {
      subject: '',
      senderAddresses: bodySenders,
      body,
      quotesForwardedMessage: body.lines.some((line) => forwardMarker.test(line)),
    };
  }
  const mail = await simpleParser(raw, {
    keepCidLinks: true,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });
  const body =
    typeof mail.html === 'string' && mail.html.trim() !== ''
      ? readHtml(withinBodyLimit(mail.html))
      : readPlainText(withinBodyLimit(mail.text ?? ''));
  const headerSenders = (mail.from?.value ?? []).flatMap((sender) => (sender.address ? [sender.address] : []));
  const bodySenders = body.lines
    .filter((line) => /^From:/i.test(line))
    .flatMap((line) => line.match(emailAddress) ?? []);
  return {
    subject: (mail.subject ?? '').replace(/\s+/g, ' ').trim(),
    senderAddresses: [...headerSenders, ...bodySenders],
    body,
    quotesForwardedMessage: body.lines.some((line) => forwardMarker.test(line)),
  };
}

/** The body, when it is no longer than a notice can be; an Error that says so otherwise. */
function withinBodyLimit(body: string): string {
  if (body.length <= maxNoticeBodyCharacters) {
    return body;
  }
  throw new Error(
    `The text of this email is ${inMegabytes(body.length)} MB; a court notice is a few KB, and ECF Desk reads none over ${inMegabytes(maxNoticeBodyCharacters)} MB.`,
  );
}
