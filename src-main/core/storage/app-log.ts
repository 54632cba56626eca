import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PolicyValues } from '../../shared/policy-catalog';
import type { Clock } from '../ports';

/** How much a line matters; the policy key `logLevel` names the least that is written. */
export type LogLevel = PolicyValues['logLevel'];

/** Writes one line to the app's log; a line without a level is `info`. Callers never pass it a secret. */
export type AppLog = (line: string, level?: LogLevel) => void;

const rank: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * The app's log, one line per event in `logs/ecf-desk.log`: time, level, text. `threshold` is asked at every line,
 * so a changed policy takes effect at once; lines less important than it are not written.
 */
export function createAppLog(logsFolder: string, clock: Clock, threshold: () => LogLevel = () => 'info'): AppLog {
  const file = path.join(logsFolder, 'ecf-desk.log');
  return (line, level = 'info') => {
    if (rank[level] > rank[threshold()]) return;
    try {
      mkdirSync(logsFolder, { recursive: true });
      appendFileSync(file, `${clock.now().toISOString()} ${level.toUpperCase()} ${line.replace(/[\r\n]+/g, ' ')}\n`);
    } catch {
      // A log that cannot be written must never stop the app.
    }
  };
}
