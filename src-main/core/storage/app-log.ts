import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PolicyValues } from '../../shared/policy-catalog';
import type { Clock } from '../ports';

/** How much a line matters; the policy key `logLevel` names the least that is written. */
export type LogLevel = PolicyValues['logLevel'];

/** Writes one line to the app's log; a line without a level is `info`. Callers never pass it a secret. */
export type AppLog = (line: string, level?: LogLevel) => void;

/** The log its owner closes: after `close()` no line is written, so the data folder can be removed. */
export type ClosableAppLog = AppLog & { close(): void };

const rank: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * The app's log, one line per event in `logs/ecf-desk.log`: time, level, text. `threshold` is asked at every line,
 * so a changed policy takes effect at once; lines less important than it are not written. Each line is written
 * whole before the call returns, so closing has nothing left to flush: it only stops later lines.
 */
export function createAppLog(
  logsFolder: string,
  clock: Clock,
  threshold: () => LogLevel = () => 'info',
): ClosableAppLog {
  const file = path.join(logsFolder, 'ecf-desk.log');
  let isClosed = false;
  const log: AppLog = (line, level = 'info') => {
    if (isClosed || rank[level] > rank[threshold()]) {
      return;
    }
    try {
      mkdirSync(logsFolder, { recursive: true });
      appendFileSync(file, `${clock.now().toISOString()} ${level.toUpperCase()} ${line.replace(/[\r\n]+/g, ' ')}\n`);
    } catch {
      // A log that cannot be written must never stop the app.
    }
  };
  return Object.assign(log, {
    close: (): void => {
      isClosed = true;
    },
  });
}
