/** Why a file dropped or named as a notice could not be taken as an email. */
export type MailFileErrorCode = 'mail-file.not-email' | 'mail-file.unreadable-msg' | 'mail-file.no-readable-body';

/** An email file ECF Desk cannot read, with a message a paralegal can act on. */
export class MailFileError extends Error {
  readonly code: MailFileErrorCode;

  constructor(code: MailFileErrorCode, message: string) {
    super(message);
    this.name = 'MailFileError';
    this.code = code;
  }
}
