import { describe, expect, it } from 'vitest';
import { formatMailDate } from '../../../../src-main/training-court/mail/eastern-time';
import { checkHeaderAddress, formatHeader } from '../../../../src-main/training-court/mail/mail-header';

describe('formatHeader', () => {
  it('keeps a short ASCII value on one line', () => {
    expect(formatHeader('Subject', 'Activity in Case 1:26-cv-00123-MMB Motion')).toBe(
      'Subject: Activity in Case 1:26-cv-00123-MMB Motion',
    );
  });

  it('collapses line breaks in a value, so a case name cannot start a new header', () => {
    expect(formatHeader('Subject', 'Acme\r\nBcc: someone@example.test')).toBe(
      'Subject: Acme Bcc: someone@example.test',
    );
  });

  it('encodes text that only looks like an encoded-word, so a reader shows it as typed', () => {
    expect(formatHeader('Subject', 'Case =?UTF-8?B?SGk=?=')).toMatch(/^Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
  });

  it('splits encoded-words between characters and keeps each within 75 characters', () => {
    const header = formatHeader('Subject', 'ü'.repeat(100));
    const words = header.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? [];
    expect(words.length).toBeGreaterThan(1);
    expect(words.every((word) => word.length <= 75)).toBe(true);
    const decoded = words.map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).join('');
    expect(decoded).toBe('ü'.repeat(100));
  });
});

describe('checkHeaderAddress', () => {
  it('accepts a plain address and refuses display names, lists and spaces', () => {
    expect(checkHeaderAddress('jane.morgan+cit@acmelaw.example')).toBe('jane.morgan+cit@acmelaw.example');
    for (const unsafe of ['Jane <j@a.example>', 'j@a.example,k@a.example', 'j @a.example', 'j@a@b.example', '']) {
      expect(() => checkHeaderAddress(unsafe)).toThrow(expect.objectContaining({ code: 'mail.unsafe-address' }));
    }
  });
});

describe('formatMailDate', () => {
  it('writes the Eastern offset of the day: -0500 in winter, -0400 in summer', () => {
    expect(formatMailDate(new Date('2026-01-16T04:30:05Z'))).toBe('Thu, 15 Jan 2026 23:30:05 -0500');
    expect(formatMailDate(new Date('2026-07-14T16:05:00Z'))).toBe('Tue, 14 Jul 2026 12:05:00 -0400');
  });
});
