import type { AddJobPhase } from '../state/documents-store';

const phaseInWords: Record<AddJobPhase, string> = {
  waiting: 'Waiting',
  uploading: 'Uploading',
  hashing: 'Checking integrity (SHA-256)',
  storing: 'Saving a copy',
  'reading-pages': 'Reading and checking',
};

/** What a step of adding a file is called on screen. */
export function describePhase(phase: AddJobPhase): string {
  return phaseInWords[phase];
}
