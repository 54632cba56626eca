import { test } from '@playwright/test';
import path from 'node:path';
import { projectRoot } from './paths';

/**
 * Where end-to-end tests save a picture of every screen they visit (kept as a CI artifact); a spec run again in a court
 * variation saves its pictures in a folder of that variation's own.
 */
export function screenshotPath(name: string): string {
  const variation = test.info().project.metadata['courtVariation'];
  const folder = variation ? ['variations', test.info().project.name.replace(/^.* variation /, '')] : [];
  return path.join(projectRoot, 'tests', '.output', 'screenshots', ...folder, `${name}.png`);
}
