import { parseNotice } from './nef/parse-notice';
import type { ParsedNotice } from './nef/notice-types';
import { describeError } from '../../shared/describe-error';

/** What reading one email came to: the notice, or why it could not be read. */
export type NoticeReading =
  { readonly kind: 'read'; readonly notice: ParsedNotice } | { readonly kind: 'unreadable'; readonly reason: string };

/** Reads emails into notices: in a child process in the app (emails are hostile input), in process in some tests. */
export interface NoticeParser {
  parse(raw: Uint8Array): Promise<NoticeReading>;
}

/** Reads one raw email; a message the parser cannot read is an answer with its reason, never a throw. */
export async function readNotice(raw: Uint8Array): Promise<NoticeReading> {
  try {
    return { kind: 'read', notice: await parseNotice(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)) };
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error).message };
  }
}
