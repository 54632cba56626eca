import type { ErrorCode } from '../../src-main/shared/errors';
import { BridgeError } from '../create-bridge';
import type { AlertsStore } from './alerts-store';
import { messageForUser } from './message-for-user';

/**
 * What a call came to: its value, or the words for the user about its failure. An action started from a dialog
 * answers with one so that the dialog shows a failure in place: the banner sits behind an open dialog, so a failure
 * there would go unseen until the dialog closed.
 */
export type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly message: string;
      /** The failure's code when main gave one, so a refusal by the court can link to its Help topic. */
      readonly code: ErrorCode | null;
    };

/** The code of a failed call, or null for a failure that did not come from main. */
function codeOf(error: unknown): ErrorCode | null {
  return error instanceof BridgeError ? error.code : null;
}

/** Runs a call and says what it came to; `describe` gives the words for a failure (by default, main's message). */
export async function attempt<T>(
  call: () => Promise<T>,
  describe: (error: unknown) => string = messageForUser,
): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, message: describe(error), code: codeOf(error) };
  }
}

/**
 * The banner's title for a failure: what did not happen. A function gives it once the error is known, or null when
 * there is nothing to tell (an answer a newer request has replaced, or a cancel that was the user's own doing).
 */
export type FailureTitle = string | ((error: unknown) => string | null);

/** Runs a call; a failure is shown in the banner under its title, and the call comes to not ok. */
export type TryOrReport = <T>(title: FailureTitle, call: () => Promise<T>) => Promise<Attempt<T>>;

/** The "try, else report" of one store: runs its calls and shows their failures in the banner of these alerts. */
export function reportingTo(alerts: AlertsStore): TryOrReport {
  return async (title, call) => {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      const said = typeof title === 'string' ? title : title(error);
      if (said !== null) {
        alerts.getState().report(said, error);
      }
      return { ok: false, message: messageForUser(error), code: codeOf(error) };
    }
  };
}
