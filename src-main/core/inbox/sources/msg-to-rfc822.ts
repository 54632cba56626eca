import msgReaderModule from '@kenjiuno/msgreader';
import { inMegabytes, maxMailBytes } from '../inbox-limits';
import { findCompoundFileDamage } from './compound-file-damage';
import { MailFileError } from './mail-file-error';
import { describeError } from '../../../shared/describe-error';

type MsgReaderClass = typeof msgReaderModule;
/** Node's ESM loader hands this CommonJS package over with the class under `default`; bundlers unwrap it already. */
const MsgReader: MsgReaderClass =
  (msgReaderModule as unknown as { default?: MsgReaderClass }).default ?? msgReaderModule;

/** Every Outlook .msg is an OLE compound file (MS-CFB §2.2), which starts with these eight bytes. */
const compoundFileSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A .msg turned back into the RFC 822 message Outlook received. */
export interface RebuiltMessage {
  readonly raw: Buffer;
  /** When the server delivered it (PidTagMessageDeliveryTime), where Outlook kept that. */
  readonly deliveredAt: Date | null;
}

/** Rebuilds a .msg in a child process in the app (`IsolatedReaders.convertMsg`); throws `MailFileError`. */
export type MsgConverter = (bytes: Uint8Array) => Promise<RebuiltMessage>;

/**
 * Rebuilds a raw RFC 822 message from an Outlook .msg, so the notice parser reads it like any email:
 * the transport headers Outlook kept (PidTagTransportMessageHeaders) where present, else From, To, Cc,
 * Subject and Date from the .msg's own fields; then the HTML body, or the plain one. A body kept only
 * as compressed RTF is refused: msgreader does not turn RTF back into HTML. msgreader follows the file's
 * sector chains and directory links without asking whether they loop, so the file's structure is checked
 * first (`findCompoundFileDamage`), and a file over `maxMailBytes` is not read at all.
 */
export function msgToRfc822(bytes: Uint8Array): RebuiltMessage {
  if (bytes.length > maxMailBytes) {
    throw new MailFileError(
      'mail-file.unreadable-msg',
      `This .msg file is ${inMegabytes(bytes.length)} MB, larger than any court notice; ECF Desk reads .msg files up to ${inMegabytes(maxMailBytes)} MB. Save the notice again without its attachments.`,
    );
  }
  if (!compoundFileSignature.every((byte, index) => bytes[index] === byte)) {
    throw new MailFileError(
      'mail-file.unreadable-msg',
      'This .msg file is not an Outlook message (it is not an OLE compound file). Save the email from Outlook again, or as .eml.',
    );
  }
  const damage = findCompoundFileDamage(bytes);
  if (damage !== null) {
    throw new MailFileError(
      'mail-file.unreadable-msg',
      `This .msg file is damaged: ${damage}. Save the email from Outlook again, or as .eml.`,
    );
  }
  const fields = readFields(bytes);
  const body = readBody(fields);
  const headers = fields.headers?.trim() ? transportHeaders(fields.headers) : headersFromFields(fields);
  const mime = ['MIME-Version: 1.0', `Content-Type: ${body.type}; charset=utf-8`, 'Content-Transfer-Encoding: base64'];
  const encodedBody = Buffer.from(body.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return {
    raw: Buffer.from([...headers, ...mime, '', encodedBody, ''].join('\r\n'), 'utf8'),
    deliveredAt: readDate(fields.messageDeliveryTime),
  };
}

/** A recipient as the .msg keeps it. */
interface MessageRecipient {
  readonly name: string | undefined;
  readonly smtpAddress: string | undefined;
  readonly email: string | undefined;
  readonly addressType: string | undefined;
  readonly recipType: string | undefined;
}

/**
 * The fields of a .msg this module uses, each of the type it needs or undefined. msgreader types a property by the
 * stream name's type suffix, which the file chooses: a damaged or crafted file can give a binary "subject".
 */
interface MessageFields {
  readonly headers: string | undefined;
  readonly bodyHtml: string | undefined;
  readonly html: Uint8Array | undefined;
  readonly body: string | undefined;
  readonly hasCompressedRtf: boolean;
  readonly subject: string | undefined;
  readonly senderName: string | undefined;
  readonly senderSmtpAddress: string | undefined;
  readonly senderEmail: string | undefined;
  readonly senderAddressType: string | undefined;
  readonly recipients: readonly MessageRecipient[];
  readonly clientSubmitTime: string | undefined;
  readonly messageDeliveryTime: string | undefined;
}

function readFields(bytes: Uint8Array): MessageFields {
  try {
    // A copy of its own: the reader takes an ArrayBuffer whole, and a Buffer is often a view into a larger one.
    const copy = new Uint8Array(bytes);
    const fields = new MsgReader(copy.buffer).getFileData();
    if (fields.error) {
      throw new Error(fields.error);
    }
    const recipients: unknown[] = Array.isArray(fields.recipients) ? fields.recipients : [];
    return {
      headers: textOf(fields.headers),
      bodyHtml: textOf(fields.bodyHtml),
      html: fields.html instanceof Uint8Array ? fields.html : undefined,
      body: textOf(fields.body),
      hasCompressedRtf: fields.compressedRtf !== undefined,
      subject: textOf(fields.subject),
      senderName: textOf(fields.senderName),
      senderSmtpAddress: textOf(fields.senderSmtpAddress),
      senderEmail: textOf(fields.senderEmail),
      senderAddressType: textOf(fields.senderAddressType),
      recipients: recipients.map((recipient) => {
        const field = (name: string): string | undefined =>
          textOf(
            typeof recipient === 'object' && recipient !== null
              ? (recipient as Record<string, unknown>)[name]
              : undefined,
          );
        return {
          name: field('name'),
          smtpAddress: field('smtpAddress'),
          email: field('email'),
          addressType: field('addressType'),
          recipType: field('recipType'),
        };
      }),
      clientSubmitTime: textOf(fields.clientSubmitTime),
      messageDeliveryTime: textOf(fields.messageDeliveryTime),
    };
  } catch (error) {
    throw new MailFileError(
      'mail-file.unreadable-msg',
      `This .msg file could not be read (${describeError(error).message}). Save the email from Outlook again, or as .eml.`,
    );
  }
}

function readBody(fields: MessageFields): { type: 'text/html' | 'text/plain'; text: string } {
  if (fields.bodyHtml?.trim()) {
    return { type: 'text/html', text: fields.bodyHtml };
  }
  if (fields.html && fields.html.length > 0) {
    return { type: 'text/html', text: decodeHtml(fields.html) };
  }
  if (fields.body?.trim()) {
    return { type: 'text/plain', text: fields.body };
  }
  throw new MailFileError(
    'mail-file.no-readable-body',
    fields.hasCompressedRtf
      ? 'Outlook kept this email only in RTF, which ECF Desk cannot read. Save it as .eml (or forward the notice to yourself) and try again.'
      : 'This .msg file has no text in it.',
  );
}

/** PidTagHtml is bytes in the charset its <meta> names; CM/ECF writes ASCII, so UTF-8 is the safe default. */
function decodeHtml(html: Uint8Array): string {
  const declared = /charset=["']?([\w-]+)/i.exec(Buffer.from(html.subarray(0, 2048)).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(html);
  } catch {
    return new TextDecoder('utf-8').decode(html);
  }
}

/** The received header block without its MIME fields: the body is written out again, as one part. */
function transportHeaders(block: string): string[] {
  const unfolded = block.replace(/\r?\n/g, '\r\n').split(/\r\n(?![ \t])/);
  return unfolded.filter((field) => field.trim() !== '' && !/^(content-[\w-]+|mime-version)\s*:/i.test(field));
}

function headersFromFields(fields: MessageFields): string[] {
  const sender = mailbox(
    fields.senderName,
    fields.senderSmtpAddress ?? smtpOnly(fields.senderEmail, fields.senderAddressType),
  );
  const recipients = (kind: string): string =>
    fields.recipients
      .filter((recipient) => (recipient.recipType ?? 'to') === kind)
      .map((recipient) =>
        mailbox(recipient.name, recipient.smtpAddress ?? smtpOnly(recipient.email, recipient.addressType)),
      )
      .filter((address) => address !== '')
      .join(', ');
  const date = readDate(fields.clientSubmitTime) ?? readDate(fields.messageDeliveryTime);
  return [
    sender === '' ? '' : `From: ${sender}`,
    recipients('to') === '' ? '' : `To: ${recipients('to')}`,
    recipients('cc') === '' ? '' : `Cc: ${recipients('cc')}`,
    `Subject: ${encodeWord(fields.subject ?? '')}`,
    date === null ? '' : `Date: ${date.toUTCString()}`,
  ].filter((line) => line !== '');
}

/** An Exchange address (`/O=EXCHANGELABS/...`) is no email address; only SMTP ones are kept. */
function smtpOnly(address: string | undefined, addressType: string | undefined): string | undefined {
  return address && (addressType ?? 'SMTP').toUpperCase() === 'SMTP' ? address : undefined;
}

function mailbox(name: string | undefined, address: string | undefined): string {
  if (!address) {
    return '';
  }
  if (!name || name === address) {
    return address;
  }
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '')}"` : encodeWord(name);
  return `${display} <${address}>`;
}

/** RFC 2047 encoded-word for a header value that is not plain ASCII. */
function encodeWord(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat) ? flat : `=?UTF-8?B?${Buffer.from(flat, 'utf8').toString('base64')}?=`;
}

function readDate(value: string | undefined): Date | null {
  if (!value) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
