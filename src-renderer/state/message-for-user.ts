import { BridgeError } from '../create-bridge';

/** Said when something failed without a message from ECF Desk's main process (a bug, or a file the browser could not read). */
const unexpectedErrorMessage = 'Something unexpected went wrong. Try again; if it keeps happening, restart ECF Desk.';

/**
 * The words to show for a failed call. A bridge error carries a message main wrote for the user,
 * so it is shown as it is; anything else is a fault whose raw text would not help a paralegal.
 */
export function messageForUser(error: unknown): string {
  return error instanceof BridgeError && error.message ? error.message : unexpectedErrorMessage;
}
