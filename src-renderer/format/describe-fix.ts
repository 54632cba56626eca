import type { FixOrigin, VerdictCounts } from '../../src-main/shared/domain';
import type { FixId } from '../../src-main/shared/preflight';

/** What each fix's button says. The CIT accepts at most 50 MB per file (court FAQ 48), the only court ECF Desk files with today. */
const buttonLabels: Readonly<Record<FixId, string>> = {
  'clean-copy': 'Make a clean copy',
  split: 'Split into parts under 50 MB',
  'flatten-forms': 'Flatten the form',
};

/** A fix's button label. */
export function labelOfFix(fix: FixId): string {
  return buttonLabels[fix];
}

const progressLabels: Readonly<Record<FixId, string>> = {
  'clean-copy': 'Making a clean copy…',
  split: 'Splitting into parts…',
  'flatten-forms': 'Flattening the form…',
};

/** What the screen says while a fix runs. */
export function describeFixing(fix: FixId): string {
  return progressLabels[fix];
}

/** A verdict as the Status column words it, for the "before" of a fix: "Court would reject (3)". */
export function labelOfVerdictCounts(counts: VerdictCounts): string {
  switch (counts.verdict) {
    case 'pass':
      return 'Ready to file';
    case 'warn':
      return `Worth a look (${counts.warnings})`;
    case 'block':
      return `Court would reject (${counts.blocking})`;
    case 'error':
      return 'Could not be checked';
  }
}

/** One line saying what this version is: "A clean copy of Motion.pdf" or "Part 1 of 2 of Appendix.pdf: pages 1–120". */
export function describeOrigin(origin: FixOrigin): string {
  if (origin.part) {
    const { number, count, firstPage, lastPage } = origin.part;
    const pages = firstPage === lastPage ? `page ${firstPage}` : `pages ${firstPage}–${lastPage}`;
    return `Part ${number} of ${count} of ${origin.fromName}: ${pages}.`;
  }
  return origin.fix === 'flatten-forms'
    ? `A copy of ${origin.fromName} with its form flattened into the page.`
    : `A clean copy of ${origin.fromName}.`;
}

/** What the Undo fix button does, in words for a screen reader and a tooltip. */
export function describeUndo(origin: FixOrigin): string {
  return origin.part
    ? `Undo the split and bring back ${origin.fromName} as one file`
    : `Undo the fix and bring back ${origin.fromName}`;
}
