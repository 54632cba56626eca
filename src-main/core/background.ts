import { describeError } from '../shared/describe-error';
import type { AppLog } from './storage/app-log';

/**
 * Runs work nobody waits for (started at launch, after a setting changed, on a timer) so that its failure is never
 * silent: it is logged at `error` with its stack, as `what failed: …`, then handed to `onFailure` when the caller has
 * someone to tell (say, the renderer through an event). `work` may be a function, so a synchronous throw is caught
 * too. Work that can be awaited is awaited instead; this is for the rest.
 */
export function runInBackground(
  what: string,
  work: Promise<unknown> | (() => Promise<unknown>),
  log: AppLog,
  onFailure?: (error: unknown) => void,
): void {
  const started = (async () => {
    await (typeof work === 'function' ? work() : work);
  })();
  started.then(
    () => undefined,
    (error: unknown) => {
      log(`${what} failed: ${describeError(error).detail}`, 'error');
      try {
        onFailure?.(error);
      } catch (reportError) {
        log(`${what}: reporting the failure failed too: ${describeError(reportError).detail}`, 'error');
      }
    },
  );
}

/** What a host does once an exception escaped every handler (see `installLastResortHandlers`). */
export type UncaughtExceptionPolicy = (error: unknown) => void;

/**
 * The host's last resort, installed once at start. A rejected promise nobody handled (lint forbids them, but a
 * library may still leave one) is logged at `error` with its stack and the app goes on: since Node 15 such a rejection
 * would end the process, and with it the user's work in other windows, for what is by then a failure of one piece of
 * background work that has already stopped. An uncaught exception is different: Node's documentation says the process
 * is then in an unknown state and must not carry on as if nothing happened, so it is logged and handed to the host's
 * `onUncaughtException`, which closes what it can and ends the process. Before core's log exists, lines go to stderr.
 */
export function installLastResortHandlers(
  log: () => AppLog | null,
  onUncaughtException: UncaughtExceptionPolicy,
): void {
  const write = (line: string): void => {
    const appLog = log();
    if (appLog) {
      appLog(line, 'error');
    } else {
      process.stderr.write(`${line}\n`);
    }
  };
  process.on('unhandledRejection', (reason) => {
    write(`Unhandled rejection (ECF Desk goes on): ${describeError(reason).detail}`);
  });
  process.on('uncaughtException', (error) => {
    write(`Uncaught exception (ECF Desk closes): ${describeError(error).detail}`);
    onUncaughtException(error);
  });
}
