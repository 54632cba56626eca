/** How many causes deep the log form follows an error's `cause` chain. */
const causeDepth = 5;

/** A thrown value in the two forms it is told in: a short line for a person, and all of it for the log. */
export interface DescribedError {
  /** The error's own message (or the thrown value as text): what a sentence shown to the user may quote. */
  readonly message: string;
  /** The message with its stack, then each cause's (up to five deep): for the app's log, never shown to the user. */
  readonly detail: string;
}

/** Describes whatever was thrown, Error or not, without ever throwing itself. */
export function describeError(error: unknown): DescribedError {
  const lines = [fullTextOf(error)];
  let cause = causeOf(error);
  for (let depth = 0; cause !== undefined; depth += 1) {
    if (depth === causeDepth) {
      lines.push('caused by: … (more causes not shown)');
      break;
    }
    lines.push(`caused by: ${fullTextOf(cause)}`);
    cause = causeOf(cause);
  }
  return { message: messageOf(error), detail: lines.join('\n') };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    return error.message || error.name;
  }
  return textOf(error);
}

/** The stack where there is one (V8's starts with the name and message), else the name and message. */
function fullTextOf(error: unknown): string {
  if (!(error instanceof Error)) {
    return textOf(error);
  }
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const heading = error.message ? `${error.name}: ${error.message}` : error.name;
  if (!stack) {
    return heading;
  }
  return error.message && !stack.includes(error.message) ? `${heading}\n${stack}` : stack;
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}

/** A thrown non-Error as text; an object whose conversion throws is named by its type instead. */
function textOf(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
