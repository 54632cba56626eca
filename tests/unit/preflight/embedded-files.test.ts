import { describe, expect, it } from 'vitest';
import { findEmbeddedFiles } from '../../../src-main/core/preflight/checks/embedded-files';
import { addAnnotation, buildPdf, register, runCheck, text, withAttachment } from '../../support/preflight-pdfs';

describe('embedded-files', () => {
  it('blocks a file carrying an attachment and names it', async () => {
    const findings = await runCheck(findEmbeddedFiles, await buildPdf(withAttachment));
    expect(findings).toMatchObject([
      { code: 'embedded-files', severity: 'block', fixes: ['clean-copy'], text: ['notes.txt'] },
    ]);
    expect(findings[0]?.message).toContain('internal attachments');
  });

  it('finds an attachment hidden in an object stream', async () => {
    expect(await runCheck(findEmbeddedFiles, await buildPdf(withAttachment, { useObjectStreams: true }))).toMatchObject(
      [{ code: 'embedded-files' }],
    );
  });

  it('names the page of a file-attachment annotation', async () => {
    const pdf = await buildPdf(
      (document) => {
        const file = document.context.register(
          document.context.flateStream(new TextEncoder().encode('hidden'), { Type: 'EmbeddedFile' }),
        );
        const spec = register(document, { Type: 'Filespec', F: text('ledger.xlsx'), EF: { F: file } });
        addAnnotation(document, 1, { Subtype: 'FileAttachment', Rect: [10, 10, 30, 30], FS: spec });
      },
      { pages: 2 },
    );
    expect(await runCheck(findEmbeddedFiles, pdf)).toMatchObject([{ pages: [2], text: ['ledger.xlsx'] }]);
  });

  it('says nothing about a file without attachments', async () => {
    expect(await runCheck(findEmbeddedFiles, await buildPdf())).toEqual([]);
  });
});
