import { describe, expect, it } from 'vitest';
import { findMalformed } from '../../../src-main/core/preflight/checks/malformed';
import { buildPdf, misplaceStartxref, runCheck } from '../../support/preflight-pdfs';

describe('malformed', () => {
  it('blocks a file cut off in the middle and says the end is missing', async () => {
    const pdf = await buildPdf();
    const findings = await runCheck(findMalformed, pdf.slice(0, Math.floor(pdf.byteLength * 0.6)));
    expect(findings).toMatchObject([{ code: 'malformed', severity: 'block' }]);
    expect(findings[0]?.text?.join(' ')).toMatch(/end-of-file marker is missing|startxref/);
  });

  it('blocks a file whose startxref points to the wrong place', async () => {
    const findings = await runCheck(findMalformed, misplaceStartxref(await buildPdf(), 7));
    expect(findings[0]?.text).toContain(
      'the pointer to the cross-reference table ("startxref") points to the wrong place',
    );
  });

  it('blocks a file whose cross-reference entries point at no object', async () => {
    const source = Buffer.from(await buildPdf()).toString('latin1');
    const shifted = source.replace(
      /(\nxref\n0 \d+\n0000000000 65535 f \n)(\d{10})/,
      (_match, head: string, offset: string) => `${head}${String(Number(offset) + 3).padStart(10, '0')}`,
    );
    const findings = await runCheck(findMalformed, Buffer.from(shifted, 'latin1'));
    expect(findings[0]?.text?.join(' ')).toMatch(
      /1 of \d+ entries in the cross-reference table point to the wrong place/,
    );
  });

  it("quotes the court's rejection message", async () => {
    const findings = await runCheck(findMalformed, new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'));
    expect(findings[0]?.message).toContain('This PDF document cannot be accepted.');
  });

  it('says nothing about a well-formed PDF, with object streams or without', async () => {
    expect(await runCheck(findMalformed, await buildPdf())).toEqual([]);
    expect(await runCheck(findMalformed, await buildPdf(undefined, { useObjectStreams: true }))).toEqual([]);
  });

  it('leaves a file that is not a PDF at all to the not-pdf check', async () => {
    expect(await runCheck(findMalformed, new TextEncoder().encode('just some text'))).toEqual([]);
  });
});
