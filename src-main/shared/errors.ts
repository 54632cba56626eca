/**
 * Error codes that cross the boundary between main and renderer. Each one is stable:
 * the renderer may branch on it, tests assert it, and messages may change.
 */
export const errorCodes = [
  'invalid-arguments',
  'unknown-channel',
  'foreign-sender',
  'host.unsupported',
  'document.not-found',
  'document.too-big-to-read',
  'document.not-checkable',
  'fix.needs-password',
  'fix.unreadable',
  'fix.flatten-failed',
  'fix.page-too-large',
  'fix.stopped',
  'fix.cancelled',
  'fix.busy',
  'fix.not-applicable',
  'fix.nothing-to-undo',
  'storage.newer-version',
  'package.damaged',
  'package.too-large',
  'account.not-found',
  'account.duplicate',
  'account.invalid',
  'vault.unavailable',
  'vault.failed',
  'court.unreachable',
  'court.not-ready',
  'session.none',
  'link.unsafe',
  'internal',
] as const;

/** A stable error code. */
export type ErrorCode = (typeof errorCodes)[number];

/** An error as plain data: what went wrong, in words a paralegal can act on. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
}

/** The envelope every call returns, so error codes survive the trip across IPC or HTTP. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };
