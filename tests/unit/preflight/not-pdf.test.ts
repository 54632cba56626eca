import { describe, expect, it } from 'vitest';
import { findNotPdf } from '../../../src-main/core/preflight/checks/not-pdf';
import { buildPdf, runCheck } from '../../support/preflight-pdfs';

describe('not-pdf', () => {
  it('blocks a word-processor file renamed to .pdf, which has no %PDF- header', async () => {
    const findings = await runCheck(findNotPdf, new TextEncoder().encode('PK\u0003\u0004 word/document.xml'));
    expect(findings).toMatchObject([{ code: 'not-pdf', severity: 'block' }]);
    expect(findings[0]?.message).toContain('not a well-formed PDF document');
  });

  it('blocks a file whose header is further in than the first 1024 bytes', async () => {
    const pdf = await buildPdf();
    const padded = new Uint8Array([...new Uint8Array(1100).fill(0x20), ...pdf]);
    expect(await runCheck(findNotPdf, padded)).toMatchObject([{ code: 'not-pdf' }]);
  });

  it('says nothing about a real PDF', async () => {
    expect(await runCheck(findNotPdf, await buildPdf())).toEqual([]);
  });
});
