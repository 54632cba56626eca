import { describe, expect, it } from 'vitest';
import { findUnappliedRedactions } from '../../../src-main/core/preflight/checks/unapplied-redaction';
import { addAnnotation, buildPdf, runCheck, withUnappliedRedaction } from '../../support/preflight-pdfs';

describe('unapplied-redaction', () => {
  it('blocks a redaction that was marked but never applied, with its page and box', async () => {
    const findings = await runCheck(findUnappliedRedactions, await buildPdf(withUnappliedRedaction));
    expect(findings).toMatchObject([
      {
        code: 'unapplied-redaction',
        severity: 'block',
        pages: [1],
        boxes: [{ page: 1, x0: 100, y0: 600, x1: 300, y1: 620 }],
      },
    ]);
    expect(findings[0]?.message).toContain('never applied');
  });

  it('normalises a box drawn from its top-right corner', async () => {
    const pdf = await buildPdf((document) => {
      addAnnotation(document, 0, { Subtype: 'Redact', Rect: [300, 620, 100, 600] });
    });
    expect((await runCheck(findUnappliedRedactions, pdf))[0]?.boxes).toEqual([
      { page: 1, x0: 100, y0: 600, x1: 300, y1: 620 },
    ]);
  });

  it('offers no clean copy, because removing the mark would leave the text readable', async () => {
    expect((await runCheck(findUnappliedRedactions, await buildPdf(withUnappliedRedaction)))[0]?.fixes).toBeUndefined();
  });

  it('says nothing when no redaction is pending', async () => {
    expect(await runCheck(findUnappliedRedactions, await buildPdf())).toEqual([]);
  });
});
