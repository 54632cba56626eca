import { describe, expect, it } from 'vitest';
import { findTooLarge } from '../../../src-main/core/preflight/checks/too-large';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { DecodeBudget } from '../../../src-main/core/preflight/parse/decode-budget';
import { buildPdf, runCheck } from '../../support/preflight-pdfs';

describe('too-large', () => {
  it('blocks a file over the court limit, gives both sizes in MB and offers to split it', async () => {
    const findings = findTooLarge({
      bytes: new Uint8Array(55_200_000),
      options: citPreflightOptions,
      document: null,
      loadError: null,
      structure: {
        headerVersion: '1.7',
        endOfFileMarkers: 1,
        lastCrossReference: 'table',
        isLinearized: false,
        revisions: 1,
        sections: [0],
        hasEncryptEntry: false,
        checkedEntries: 0,
        misplacedEntries: 0,
        bytesAfterLastEndOfFile: 0,
        problems: [],
      },
      encryption: 'none',
      pageTree: null,
      census: null,
      decodeBudget: new DecodeBudget(),
    });
    expect(findings).toMatchObject([{ code: 'too-large', severity: 'block', fixes: ['split'] }]);
    expect(findings[0]?.message).toContain('55.2 MB');
    expect(findings[0]?.message).toContain('50 MB');
  });

  it('measures against the court profile, not a fixed 50 MB', async () => {
    const pdf = await buildPdf();
    expect(await runCheck(findTooLarge, pdf, { ...citPreflightOptions, limitBytes: pdf.byteLength - 1 })).toMatchObject(
      [{ code: 'too-large' }],
    );
  });

  it('accepts a file exactly at the limit', async () => {
    const pdf = await buildPdf();
    expect(await runCheck(findTooLarge, pdf, { ...citPreflightOptions, limitBytes: pdf.byteLength })).toEqual([]);
  });
});
