import type { FixId } from '../../shared/preflight';

/** The words a fixed copy's name carries, so the list shows at a glance which version is which. */
const copySuffixes: Readonly<Record<Exclude<FixId, 'split'>, string>> = {
  'clean-copy': 'clean copy',
  'flatten-forms': 'flattened',
};

/** A file name without its .pdf, and without the mark of an earlier fix, so fixing twice does not say it twice. */
function baseName(name: string): string {
  return name.replace(/\.pdf$/i, '').replace(/ \((?:clean copy|flattened)\)$/, '');
}

/** "Motion.pdf" → "Motion (clean copy).pdf" or "Motion (flattened).pdf". */
export function nameOfFixedCopy(originalName: string, fix: Exclude<FixId, 'split'>): string {
  return `${baseName(originalName)} (${copySuffixes[fix]}).pdf`;
}

/** "Motion.pdf" and "Part 1 of 2 (pages 1–3891)" → "Motion — Part 1 of 2 (pages 1–3891).pdf". */
export function nameOfPart(originalName: string, partName: string): string {
  return `${originalName.replace(/\.pdf$/i, '')} — ${partName}.pdf`;
}
