import type { Finding, PreflightReport, Severity } from '../shared/preflight';

/** One file's report as the CLI prints it. */
export type FileReport = PreflightReport & { readonly file: string };

const verdictWords: Readonly<Record<PreflightReport['verdict'], string>> = {
  pass: 'ready to file',
  warn: 'can be filed; worth a look first',
  block: 'the court would reject it, or it leaks what was meant to be hidden',
  error: 'could not be checked',
};

const severityMarks: Readonly<Record<Severity, string>> = { block: 'BLOCK', warn: 'WARN ', info: 'INFO ' };

function describeSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

function describePages(pages: readonly number[]): string {
  const shown = pages.slice(0, 12).join(', ');
  return pages.length > 12
    ? ` (pages ${shown} and ${pages.length - 12} more)`
    : ` (page${pages.length === 1 ? '' : 's'} ${shown})`;
}

function formatFinding(finding: Finding): string[] {
  const lines = [
    `  ${severityMarks[finding.severity]} ${finding.code}${finding.pages?.length ? describePages(finding.pages) : ''}`,
    `        ${finding.message}`,
  ];
  for (const text of (finding.text ?? []).slice(0, 5)) {
    lines.push(`        · ${text.length > 100 ? `${text.slice(0, 97)}...` : text}`);
  }
  return lines;
}

/** The human-readable report: a headline per file, then its findings, most serious first. */
export function formatReport(report: FileReport): string {
  const pages = report.pages === null ? '' : `, ${report.pages} page${report.pages === 1 ? '' : 's'}`;
  const lines = [
    `${report.file} (${describeSize(report.bytes)}${pages}): ${report.verdict.toUpperCase()}, ${verdictWords[report.verdict]}`,
  ];
  if (report.error) {
    lines.push(`        ${report.error}`);
  }
  const order: readonly Severity[] = ['block', 'warn', 'info'];
  for (const severity of order) {
    for (const finding of report.findings.filter((each) => each.severity === severity)) {
      lines.push(...formatFinding(finding));
    }
  }
  return lines.join('\n');
}

/** The JSON the CLI prints with --json: the documented fields, nothing the UI alone needs. */
export function toJsonReport(report: FileReport): unknown {
  return {
    file: report.file,
    bytes: report.bytes,
    pages: report.pages,
    verdict: report.verdict,
    ...(report.error ? { error: report.error } : {}),
    findings: report.findings.map(({ code, severity, message, pages, boxes, text }) => ({
      code,
      severity,
      message,
      pages,
      boxes,
      text,
    })),
  };
}
