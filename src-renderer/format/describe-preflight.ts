import type { DocumentPreflight } from '../../src-main/shared/domain';
import type {
  Finding,
  FindingCode,
  PreflightProgress,
  PreflightReport,
  Severity,
} from '../../src-main/shared/preflight';

/** How a preflight state looks: ready, worth a look, blocked, busy, not checked, or could not be checked. */
export type PreflightTone = 'ready' | 'warning' | 'blocked' | 'busy' | 'idle' | 'failed';

/** A preflight state in a few words for the Status column, with the tone it is shown in. */
export interface PreflightSummary {
  readonly label: string;
  readonly tone: PreflightTone;
}

/** Headings of the findings groups, most serious first, in a paralegal's words. */
export const severityHeadings: readonly { readonly severity: Severity; readonly heading: string }[] = [
  { severity: 'block', heading: 'Blocks filing' },
  { severity: 'warn', heading: 'Worth a look' },
  { severity: 'info', heading: 'For your information' },
];

const findingTitles: Readonly<Record<FindingCode, string>> = {
  'not-pdf': 'Not a PDF',
  malformed: 'Damaged file',
  'too-large': 'Larger than the court accepts',
  encrypted: 'Protected with a password',
  'active-content': 'Contains scripts or actions',
  'embedded-files': 'Has files attached inside it',
  multimedia: 'Contains video, sound or 3D',
  'bad-redaction': 'Redaction boxes hide text that is still there',
  'hidden-text': 'Text no one can see is still in the file',
  'unapplied-redaction': 'Redactions marked but never applied',
  'earlier-revisions': 'Earlier versions are still inside',
  metadata: 'Document properties name people or folders',
  'hidden-layers': 'Has hidden layers',
  annotations: 'Has comments or markups',
  forms: 'Has fillable form fields',
  'image-only-pages': 'Pages that are only pictures',
  'low-resolution': 'Scanned at a low resolution',
  links: 'Links to other places',
  'fonts-not-embedded': 'Fonts not included',
  'page-size': 'Pages that are not letter size',
};

/** A finding's short title, so the list can be scanned before the full explanations are read. */
export function titleOfFinding(code: FindingCode): string {
  return findingTitles[code];
}

const textLabels: Partial<Readonly<Record<FindingCode, string>>> = {
  'bad-redaction': 'The text that leaks: anyone can copy this from under the boxes',
  'hidden-text': 'The hidden text: anyone can copy this, though no one can see it',
  'unapplied-redaction': 'The text that leaks: it is still readable under the marks',
  'hidden-layers': 'Layers',
  'embedded-files': 'Attached files',
  metadata: 'What the file says about itself',
  links: 'Addresses',
  'fonts-not-embedded': 'Fonts',
  'page-size': 'Page sizes',
};

/** What the extra lines of a finding are, so leaking text is never mistaken for an ordinary detail. */
export function labelOfFindingText(code: FindingCode): string {
  return textLabels[code] ?? 'Details';
}

/** Whether a finding's extra lines are text meant to be hidden, shown apart as the thing that leaks. */
export function isLeakingText(code: FindingCode): boolean {
  return code === 'bad-redaction' || code === 'hidden-text' || code === 'unapplied-redaction';
}

/** A number as the court's documents write it: 4,540. */
function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Past this many pages a list stops naming each one: the rest is a count. */
const pagesNamed = 10;

/** "page 3", "pages 3 and 7", "pages 3, 7 and 12", or "pages 1, 2, … 10 and 35 more". */
export function formatPages(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b).map(formatCount);
  if (sorted.length === 1) {
    return `page ${sorted[0]}`;
  }
  if (sorted.length > pagesNamed + 1) {
    return `pages ${sorted.slice(0, pagesNamed).join(', ')} and ${formatCount(sorted.length - pagesNamed)} more`;
  }
  return `pages ${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
}

function countOf(report: PreflightReport, severity: Severity): number {
  return report.findings.filter((finding: Finding) => finding.severity === severity).length;
}

/** "Checking… page 1,200 of 4,540", or the step before or after the pages. */
export function describeCheckProgress(progress: PreflightProgress | undefined): string {
  if (!progress) {
    return 'Checking…';
  }
  if (progress.phase === 'reading') {
    return 'Checking… reading the file';
  }
  if (progress.phase === 'checking') {
    return 'Checking… final checks';
  }
  return `Checking… page ${formatCount(progress.pagesDone)} of ${formatCount(progress.pageCount)}`;
}

/** The verdict in words for the Status column; not meant for a file that is not a PDF (its problem says why). */
export function summarizePreflight(preflight: DocumentPreflight, progress?: PreflightProgress): PreflightSummary {
  switch (preflight.state) {
    case 'waiting':
      return { label: 'Waiting to be checked', tone: 'busy' };
    case 'running':
      return { label: describeCheckProgress(progress), tone: 'busy' };
    case 'cancelled':
      return { label: 'Not checked', tone: 'idle' };
    case 'not-applicable':
      return { label: 'Not a PDF the court accepts', tone: 'failed' };
    case 'done':
      return summarizeReport(preflight.report);
  }
}

function summarizeReport(report: PreflightReport): PreflightSummary {
  switch (report.verdict) {
    case 'pass':
      return { label: 'Ready to file', tone: 'ready' };
    case 'warn':
      return { label: `Worth a look (${countOf(report, 'warn')})`, tone: 'warning' };
    case 'block':
      return { label: `Court would reject (${countOf(report, 'block')})`, tone: 'blocked' };
    case 'error':
      return { label: 'Could not be checked', tone: 'failed' };
  }
}

/** One sentence under the verdict in the findings panel: what it means for filing. */
export function explainReport(report: PreflightReport): string {
  switch (report.verdict) {
    case 'pass':
      return report.findings.length === 0
        ? 'Preflight found nothing the court would reject and nothing that needs a second look.'
        : 'Preflight found nothing the court would reject. The notes below are for your information.';
    case 'warn':
      return 'The court would accept this PDF, but look at these before you file.';
    case 'block':
      return 'The court would reject this PDF, or it would make public something meant to stay hidden. Fix these before you file.';
    case 'error':
      return (
        report.error ??
        'ECF Desk could not finish checking this PDF. Check it again; if that fails too, save it again as a new PDF and add that copy.'
      );
  }
}

/** What a screen reader hears when a check finishes. */
export function announceReport(name: string, report: PreflightReport): string {
  const count = (severity: Severity, one: string, many: string): string => {
    const found = countOf(report, severity);
    return found === 1 ? `1 ${one}` : `${found} ${many}`;
  };
  switch (report.verdict) {
    case 'pass':
      return `Finished checking ${name}: ready to file.`;
    case 'warn':
      return `Finished checking ${name}: worth a look, ${count('warn', 'thing', 'things')}.`;
    case 'block':
      return `Finished checking ${name}: the court would reject it, ${count('block', 'problem', 'problems')}.`;
    case 'error':
      return `${name} could not be checked.`;
  }
}
