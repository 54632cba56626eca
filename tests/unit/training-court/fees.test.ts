import { describe, expect, it } from 'vitest';
import {
  docketReportFeeCents,
  documentFeeCents,
  formatDollars,
  htmlReportPages,
  transcriptFeeCents,
} from '../../../src-main/training-court/fees';

describe('PACER document fees', () => {
  it('charge 10 cents a page', () => {
    expect(documentFeeCents(1)).toBe(10);
    expect(documentFeeCents(7)).toBe(70);
  });

  it('cost $3.00 at 30 pages and still $3.00 at 31, because a document is capped at the fee for thirty pages', () => {
    expect(documentFeeCents(29)).toBe(290);
    expect(documentFeeCents(30)).toBe(300);
    expect(documentFeeCents(31)).toBe(300);
    expect(documentFeeCents(4540)).toBe(300);
  });

  it('cost nothing for a document with no pages', () => {
    expect(documentFeeCents(0)).toBe(0);
  });

  it('refuse a page count that is negative or not whole', () => {
    expect(() => documentFeeCents(-1)).toThrow(RangeError);
    expect(() => documentFeeCents(1.5)).toThrow(RangeError);
    expect(() => transcriptFeeCents(Number.NaN)).toThrow(RangeError);
  });
});

describe('HTML report pages', () => {
  it('count 4,320 bytes as one page and 4,321 as two', () => {
    expect(htmlReportPages(4320)).toBe(1);
    expect(htmlReportPages(4321)).toBe(2);
    expect(htmlReportPages(8640)).toBe(2);
    expect(htmlReportPages(8641)).toBe(3);
  });

  it('bill at least one page, even for an empty report', () => {
    expect(htmlReportPages(0)).toBe(1);
    expect(htmlReportPages(1)).toBe(1);
  });

  it('refuse a negative size', () => {
    expect(() => htmlReportPages(-4320)).toThrow(RangeError);
  });
});

describe('docket report fees', () => {
  it('charge 10 cents per 4,320-byte page', () => {
    expect(docketReportFeeCents(0)).toBe(10);
    expect(docketReportFeeCents(4320)).toBe(10);
    expect(docketReportFeeCents(4321)).toBe(20);
  });

  it('are capped at $3.00: 30 pages of HTML cost the same as 31', () => {
    expect(docketReportFeeCents(30 * 4320)).toBe(300);
    expect(docketReportFeeCents(30 * 4320 + 1)).toBe(300);
    expect(docketReportFeeCents(10_000_000)).toBe(300);
  });
});

describe('transcript fees', () => {
  it('are not capped: 31 pages cost $3.10 and 1,000 pages $100.00', () => {
    expect(transcriptFeeCents(30)).toBe(300);
    expect(transcriptFeeCents(31)).toBe(310);
    expect(transcriptFeeCents(1000)).toBe(10_000);
  });

  it('cost nothing for no pages', () => {
    expect(transcriptFeeCents(0)).toBe(0);
  });
});

describe('formatting dollars', () => {
  it('shows cents as dollars with two decimals', () => {
    expect(formatDollars(300)).toBe('$3.00');
    expect(formatDollars(10)).toBe('$0.10');
    expect(formatDollars(0)).toBe('$0.00');
    expect(formatDollars(310)).toBe('$3.10');
    expect(formatDollars(5)).toBe('$0.05');
  });

  it('groups thousands and keeps a refund’s minus sign in front', () => {
    expect(formatDollars(123_456)).toBe('$1,234.56');
    expect(formatDollars(100_000_000)).toBe('$1,000,000.00');
    expect(formatDollars(-150)).toBe('-$1.50');
  });

  it('refuses fractions of a cent, because money here is never a floating-point number', () => {
    expect(() => formatDollars(0.5)).toThrow(RangeError);
  });
});
