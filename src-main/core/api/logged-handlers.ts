import { describeError } from '../../shared/describe-error';
import { AppError } from '../errors';
import type { AppLog } from '../storage/app-log';
import { wrapEachHandler, type Handlers } from './handlers';

/**
 * Every handler, logging its call: at `debug` the channel, the outcome (its error code) and the time taken; at
 * `error` what broke inside when a handler fails for a reason that is not one of the app's own (the user only
 * sees "something went wrong", so the log is where support finds it). Arguments and results are never logged:
 * they hold passwords, case details and documents.
 */
export function withCallLog(handlers: Handlers, log: AppLog, now: () => number = () => performance.now()): Handlers {
  return wrapEachHandler(handlers, (channel, handler) => async (args) => {
    const started = now();
    const took = (): string => `${Math.round(now() - started)} ms`;
    try {
      const value = await handler(args);
      log(`api: ${channel} ok in ${took()}`, 'debug');
      return value;
    } catch (error) {
      if (error instanceof AppError) {
        log(`api: ${channel} answered ${error.code} in ${took()}`, 'debug');
      } else {
        log(`api: ${channel} failed inside: ${describeError(error).detail}`, 'error');
      }
      throw error;
    }
  });
}
