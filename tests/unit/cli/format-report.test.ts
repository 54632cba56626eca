import { describe, expect, it } from 'vitest';
import { formatReport, toJsonReport, type FileReport } from '../../../src-main/cli/format-report';

const report: FileReport = {
  file: 'Motion.pdf',
  bytes: 2_400_000,
  pages: 12,
  verdict: 'block',
  findings: [
    {
      code: 'links',
      severity: 'info',
      message: 'The document links to 1 web page.',
      text: ['https://www.cit.uscourts.gov/'],
    },
    { code: 'encrypted', severity: 'block', message: 'This PDF is password-protected.', fixes: ['clean-copy'] },
    { code: 'metadata', severity: 'warn', message: 'The document carries an author name.', pages: [1, 2] },
  ],
};

describe('the preflight report for people', () => {
  it('leads with the file, its size, pages and verdict, then lists findings most serious first', () => {
    const lines = formatReport(report).split('\n');
    expect(lines[0]).toBe(
      'Motion.pdf (2.4 MB, 12 pages): BLOCK, the court would reject it, or it leaks what was meant to be hidden',
    );
    const order = lines
      .filter((line) => /^ {2}(BLOCK|WARN|INFO)/.test(line))
      .map((line) => line.trim().split(/\s+/)[1]);
    expect(order).toEqual(['encrypted', 'metadata', 'links']);
    expect(formatReport(report)).toContain('metadata (pages 1, 2)');
  });
});

describe('the preflight report as JSON', () => {
  it('carries exactly the documented fields', () => {
    const json = toJsonReport(report) as { findings: Record<string, unknown>[] } & Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['file', 'bytes', 'pages', 'verdict', 'findings']);
    expect(json.findings[1]).toEqual({
      code: 'encrypted',
      severity: 'block',
      message: 'This PDF is password-protected.',
      pages: undefined,
      boxes: undefined,
      text: undefined,
    });
  });
});
