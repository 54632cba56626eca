/** Why the training court could not write or deliver a notice. */
export type MailErrorCode = 'mail.unsafe-address' | 'mail.unsafe-message-id' | 'mail.imap-append-failed';

/** An error the mail code raises on purpose, with a code the filing service can act on. */
export class MailError extends Error {
  readonly code: MailErrorCode;

  constructor(code: MailErrorCode, message: string) {
    super(message);
    this.name = 'MailError';
    this.code = code;
  }
}
