import type { ErrorCode, ErrorInfo } from '../shared/errors';

/** An error core raises on purpose: it crosses to the renderer with its code and message intact. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }

  /** The error as plain data, for the envelope. */
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}
