import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findHiddenLayers } from '../../../src-main/core/preflight/checks/hidden-layers';
import { sharedFixture } from '../../support/paths';
import {
  buildPdf,
  hiddenLayerBox,
  makeHiddenLayerPdf,
  runCheck,
  withHiddenLayer,
  withVisibleLayer,
} from '../../support/preflight-pdfs';

/** pdf.js's test file for issue 269: one page drawing on three layers, one of them off when the file opens. */
const threeLayers = sharedFixture('pdf/mozilla__pdf.js/test/pdfs/issue269_1.pdf');

describe('hidden-layers', () => {
  it('warns about a layer that is hidden when the file opens, by name', async () => {
    const findings = await runCheck(findHiddenLayers, await buildPdf(withHiddenLayer));
    expect(findings).toMatchObject([
      { code: 'hidden-layers', severity: 'warn', text: ['Internal notes (hidden when the file opens)'] },
    ]);
    expect(findings[0]?.message).toContain('All of them are hidden when the file opens');
  });

  it('warns about a visible layer too, because a reader can switch it off', async () => {
    const findings = await runCheck(findHiddenLayers, await buildPdf(withVisibleLayer));
    expect(findings).toMatchObject([{ code: 'hidden-layers', text: ['Exhibit stamps'] }]);
    expect(findings[0]?.message).not.toContain('hidden when the file opens');
  });

  it('names no pages for layers that nothing draws on', async () => {
    const [finding] = await runCheck(findHiddenLayers, await buildPdf(withHiddenLayer));
    expect(finding?.pages).toBeUndefined();
    expect(finding?.boxes).toBeUndefined();
  });

  it('says nothing about a file without layers', async () => {
    expect(await runCheck(findHiddenLayers, await buildPdf())).toEqual([]);
  });

  it('names the page a hidden layer draws on, and the layer with it', async () => {
    const findings = await runCheck(findHiddenLayers, await makeHiddenLayerPdf());
    expect(findings).toMatchObject([
      {
        code: 'hidden-layers',
        severity: 'warn',
        pages: [2],
        text: ['Privileged notes (hidden when the file opens), on page 2'],
      },
    ]);
    expect(findings[0]?.message).toContain('Layered content is on page 2.');
    expect(findings[0]?.message).toContain('All of them are hidden when the file opens');
  });

  it('outlines a form placed on a hidden layer where it lands on the page', async () => {
    const [finding] = await runCheck(findHiddenLayers, await makeHiddenLayerPdf());
    expect(finding?.boxes).toEqual([hiddenLayerBox]);
  });

  it.skipIf(threeLayers === null)('finds all three layers of a real file on its one page', async () => {
    const findings = await runCheck(findHiddenLayers, new Uint8Array(await readFile(threeLayers ?? '')));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.pages).toEqual([1]);
    expect(findings[0]?.text).toHaveLength(3);
    expect(findings[0]?.text?.every((line) => line.endsWith(', on page 1'))).toBe(true);
    expect(findings[0]?.text?.filter((line) => line.includes('(hidden when the file opens)'))).toHaveLength(1);
    expect(findings[0]?.message).toContain('1 of them is hidden when the file opens. Layered content is on page 1.');
  });
});
