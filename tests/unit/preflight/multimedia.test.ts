import { describe, expect, it } from 'vitest';
import { findMultimedia } from '../../../src-main/core/preflight/checks/multimedia';
import { addAnnotation, buildPdf, runCheck, withVideo } from '../../support/preflight-pdfs';

describe('multimedia', () => {
  it('blocks a video player on a page and names the page', async () => {
    const findings = await runCheck(findMultimedia, await buildPdf(withVideo));
    expect(findings).toMatchObject([{ code: 'multimedia', severity: 'block', pages: [1], fixes: ['clean-copy'] }]);
    expect(findings[0]?.message).toContain('audio and video content');
  });

  it('blocks a 3D model', async () => {
    const pdf = await buildPdf((document) => {
      const model = document.context.register(
        document.context.flateStream(new Uint8Array([1, 2, 3]), { Type: '3D', Subtype: 'U3D' }),
      );
      addAnnotation(document, 0, { Subtype: '3D', Rect: [0, 0, 100, 100], '3DD': model });
    });
    expect((await runCheck(findMultimedia, pdf))[0]?.text).toEqual(['3D model (3D)', '3D model data (U3D)']);
  });

  it('says nothing about a file without media', async () => {
    expect(await runCheck(findMultimedia, await buildPdf())).toEqual([]);
  });
});
