/**
 * One email as a source hands it over, before anything reads it: the bytes exactly as stored, when it
 * arrived, and a key that names it within its source (the store dedupes on the message itself, so a key
 * only has to be stable for as long as the source is).
 */
export interface IncomingMail {
  /** The raw RFC 822 message. */
  readonly raw: Buffer;
  /** When the mailbox received it (IMAP INTERNALDATE, the Maildir file's time), or when a file was read. */
  readonly receivedAt: Date;
  /** `imap:<mailbox>:<uidvalidity>:<uid>`, `maildir:<name>` or `file:<name>`. */
  readonly sourceKey: string;
}
