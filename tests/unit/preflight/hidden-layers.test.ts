import { describe, expect, it } from 'vitest';
import { findHiddenLayers } from '../../../src-main/core/preflight/checks/hidden-layers';
import { buildPdf, runCheck, withHiddenLayer, withVisibleLayer } from '../../support/preflight-pdfs';

describe('hidden-layers', () => {
  it('warns about a layer that is hidden when the file opens, by name', async () => {
    const findings = await runCheck(findHiddenLayers, await buildPdf(withHiddenLayer));
    expect(findings).toMatchObject([{ code: 'hidden-layers', severity: 'warn', text: ['Internal notes (hidden when the file opens)'] }]);
    expect(findings[0]?.message).toContain('All of them are hidden when the file opens');
  });

  it('warns about a visible layer too, because a reader can switch it off', async () => {
    const findings = await runCheck(findHiddenLayers, await buildPdf(withVisibleLayer));
    expect(findings).toMatchObject([{ code: 'hidden-layers', text: ['Exhibit stamps'] }]);
    expect(findings[0]?.message).not.toContain('hidden when the file opens');
  });

  it('says nothing about a file without layers', async () => {
    expect(await runCheck(findHiddenLayers, await buildPdf())).toEqual([]);
  });
});
