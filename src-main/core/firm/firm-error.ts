/**
 * Why the firm server or one of its admin commands refused: each code stands for one refusal, so the command line can
 * choose its exit code by it and tests can assert it. Messages say what is wrong, why, and what to do.
 */
export type FirmErrorCode =
  | 'schema.newer'
  | 'schema.unrecognised'
  | 'user.invalid'
  | 'user.exists'
  | 'user.not-found'
  | 'case.invalid'
  | 'mailbox.invalid'
  | 'mailbox.exists'
  | 'mailbox.password-file'
  | 'search.invalid'
  | 'docket.invalid'
  | 'draft.invalid'
  | 'draft.not-allowed'
  | 'draft.not-found'
  | 'draft.exists'
  | 'draft.conflict'
  | 'draft.documents-missing'
  | 'document.invalid';

/** A refusal of the firm server's, with its code. */
export class FirmError extends Error {
  readonly code: FirmErrorCode;

  constructor(code: FirmErrorCode, message: string) {
    super(message);
    this.name = 'FirmError';
    this.code = code;
  }
}

/** Whether the refusal is about the database's schema (the server will not start, nor any admin command run). */
export function isSchemaRefusal(error: unknown): error is FirmError {
  return error instanceof FirmError && error.code.startsWith('schema.');
}
