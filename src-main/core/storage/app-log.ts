import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../ports';

/** The app's log, one line per event, in `logs/ecf-desk.log`; callers never pass it a secret. */
export function createAppLog(logsFolder: string, clock: Clock): (line: string) => void {
  const file = path.join(logsFolder, 'ecf-desk.log');
  return (line) => {
    try {
      mkdirSync(logsFolder, { recursive: true });
      appendFileSync(file, `${clock.now().toISOString()} ${line.replace(/[\r\n]+/g, ' ')}\n`);
    } catch {
      // A log that cannot be written must never stop the app.
    }
  };
}
