import { AppError } from '../errors';
import { wrapEachHandler, type Handlers } from './handlers';

/** Handlers that can be closed: once closed they refuse every call, and `close` waits for the calls under way. */
export interface ClosableHandlers {
  readonly handlers: Handlers;
  /** Refuses new calls (`app.closing`) from now on; resolves when every call already under way has ended. */
  close(): Promise<void>;
}

/** Wraps every handler so that core's close can refuse new calls and await the ones under way. */
export function closableHandlers(handlers: Handlers): ClosableHandlers {
  let isClosing = false;
  const callsUnderWay = new Set<Promise<unknown>>();
  return {
    handlers: wrapEachHandler(handlers, (_channel, handler) => (args) => {
      if (isClosing) {
        return Promise.reject(new AppError('app.closing', 'ECF Desk is closing.'));
      }
      const call = handler(args);
      const settled: Promise<unknown> = call.then(
        () => callsUnderWay.delete(settled),
        () => callsUnderWay.delete(settled),
      );
      callsUnderWay.add(settled);
      return call;
    }),
    async close() {
      isClosing = true;
      await Promise.all(callsUnderWay);
    },
  };
}
