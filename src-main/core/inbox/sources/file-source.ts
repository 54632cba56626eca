import path from 'node:path';
import type { IncomingMail } from './mail-source';
import { MailFileError } from './mail-file-error';
import type { MsgConverter } from './msg-to-rfc822';

/**
 * An email file a person dropped or named: `.eml` is taken as it is, an Outlook `.msg` is rebuilt
 * into the RFC 822 message it came from. `receivedAt` is the .msg's delivery time where Outlook kept
 * it, otherwise the moment the file was read. Anything else is refused with `mail-file.not-email`. `convertMsg` reads the
 * .msg (in a child process in the app: its compound-file format is parsed by a library that is not ours).
 */
export async function readMailFile(name: string, bytes: Uint8Array, convertMsg: MsgConverter): Promise<IncomingMail> {
  const extension = path.extname(name).toLowerCase();
  const sourceKey = `file:${path.basename(name)}`;
  if (extension === '.eml') {
    return { raw: Buffer.from(bytes), receivedAt: new Date(), sourceKey };
  }
  if (extension === '.msg') {
    const message = await convertMsg(bytes);
    return { raw: message.raw, receivedAt: message.deliveredAt ?? new Date(), sourceKey };
  }
  throw new MailFileError(
    'mail-file.not-email',
    `"${path.basename(name)}" is not an email file (.eml or .msg). Save the notice from your mail program as a file, or drag the email itself.`,
  );
}
