import { describe, expect, it } from 'vitest';
import { findFontsNotEmbedded } from '../../../src-main/core/preflight/checks/fonts-not-embedded';
import { buildPdf, runCheck, withMissingTrueTypeFont, withStandardFont } from '../../support/preflight-pdfs';

describe('fonts-not-embedded', () => {
  it('lists a font the file uses but does not carry', async () => {
    const findings = await runCheck(findFontsNotEmbedded, await buildPdf(withMissingTrueTypeFont));
    expect(findings).toMatchObject([{ code: 'fonts-not-embedded', severity: 'info', text: ['Garamond-Premier'] }]);
    expect(findings[0]?.message).not.toContain('standard PDF fonts');
  });

  it('lists a standard font too, and says that every reader supplies it', async () => {
    const findings = await runCheck(findFontsNotEmbedded, await buildPdf(withStandardFont));
    expect(findings).toMatchObject([{ text: ['Helvetica'] }]);
    expect(findings[0]?.message).toContain('14 standard PDF fonts');
  });

  it('says nothing about a file without fonts', async () => {
    expect(await runCheck(findFontsNotEmbedded, await buildPdf())).toEqual([]);
  });
});
