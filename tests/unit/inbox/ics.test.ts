import { describe, expect, it } from 'vitest';
import { deadlinesToIcs, escapeText, foldLine } from '../../../src-main/core/inbox/ics';

const now = new Date('2026-12-01T15:04:05.678Z');
const response = {
  date: '2026-12-15',
  label: 'Response due',
  caseNumber: '1:26-cv-00123-MMB',
  caseName: 'Acme Steel Corp. v. United States',
  docketText: 'ORDER: Response due by 12/15/2026; reply due by 12/29/2026, per Rule 7(b).',
  itemId: 'cit-1017-12',
};

/** The logical lines of a calendar: folds undone, CRLF split (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

const octets = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('the deadlines calendar (RFC 5545)', () => {
  it('is one VCALENDAR with one all-day VEVENT per deadline, CRLF throughout', () => {
    const ics = deadlinesToIcs(
      [response, { ...response, date: '2026-12-29', label: 'Reply due', itemId: 'cit-1017-12' }],
      now,
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics);
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//ECF Desk//Deadlines//EN']);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((line) => line === 'END:VEVENT')).toHaveLength(2);
  });

  it('writes the date, the next day as the exclusive end, a stable UID, the stamp and the summary', () => {
    const lines = unfold(deadlinesToIcs([response], now));
    expect(lines).toContain('DTSTART;VALUE=DATE:20261215');
    expect(lines).toContain('DTEND;VALUE=DATE:20261216');
    expect(lines).toContain('UID:cit-1017-12-2026-12-15@ecf-desk');
    expect(lines).toContain('DTSTAMP:20261201T150405Z');
    expect(lines).toContain('SUMMARY:Response due — 1:26-cv-00123-MMB');
  });

  it('ends a deadline on the last day of a month or year on the first of the next', () => {
    const lines = unfold(
      deadlinesToIcs(
        [
          { ...response, date: '2026-12-31' },
          { ...response, date: '2028-02-28' },
        ],
        now,
      ),
    );
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain('DTEND;VALUE=DATE:20280229');
  });

  it('puts the case and the docket text in the description, with commas, semicolons and line breaks escaped', () => {
    const lines = unfold(
      deadlinesToIcs([{ ...response, docketText: 'Reply due 12/29/2026; see [87], and\nC:\\exhibits' }], now),
    );
    expect(lines).toContain(
      'DESCRIPTION:1:26-cv-00123-MMB Acme Steel Corp. v. United States\\n\\nReply due 12/29/2026\\; see [87]\\, and\\nC:\\\\exhibits',
    );
  });

  it('leaves the description to the case number when there is no caption or docket text', () => {
    const lines = unfold(deadlinesToIcs([{ ...response, caseName: null, docketText: null }], now));
    expect(lines).toContain('DESCRIPTION:1:26-cv-00123-MMB');
  });

  it('is an empty calendar when there are no deadlines', () => {
    expect(unfold(deadlinesToIcs([], now)).filter((line) => line.startsWith('BEGIN:'))).toEqual(['BEGIN:VCALENDAR']);
  });

  it('refuses a date that is not a real calendar day rather than writing a wrong one', () => {
    expect(() => deadlinesToIcs([{ ...response, date: '2026-02-30' }], now)).toThrow(/real YYYY-MM-DD date/);
  });
});

describe('escaping text values (RFC 5545 §3.3.11)', () => {
  it('escapes backslash first, then semicolon and comma, and writes every kind of line break as \\n', () => {
    expect(escapeText('a\\b;c,d\r\ne\rf\ng')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
});

describe('folding long lines at 75 octets (RFC 5545 §3.1)', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('keeps every physical line within 75 octets, the leading space included', () => {
    const ics = deadlinesToIcs([{ ...response, docketText: 'MEMORANDUM AND ORDER '.repeat(30) }], now);
    for (const line of ics.split('\r\n')) {
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
    expect(unfold(ics).find((line) => line.startsWith('DESCRIPTION:'))).toContain(
      'MEMORANDUM AND ORDER '.repeat(30).trim(),
    );
  });

  it('never cuts a multibyte character (é, —, 中, an emoji) in two', () => {
    const text = `DESCRIPTION:${'Société Générale — 中文 — 📄 '.repeat(12)}`;
    const folded = foldLine(text);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const line of physical) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A cut inside a UTF-8 sequence or a surrogate pair would leave a replacement character after a round trip.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(text);
  });

  it('folds a three-octet character that would straddle the 75th octet onto the next line whole', () => {
    const folded = foldLine(`${'x'.repeat(74)}—y`);
    expect(folded).toBe(`${'x'.repeat(74)}\r\n —y`);
  });
});
