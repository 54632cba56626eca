import path from 'node:path';
import { projectRoot } from './paths';

/** Where end-to-end tests save a picture of every screen they visit (kept as a CI artifact). */
export function screenshotPath(name: string): string {
  return path.join(projectRoot, 'tests', '.output', 'screenshots', `${name}.png`);
}
