import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../../../src-main/shared/preflight';
import { makeCleanCopy } from '../../../src-main/core/preflight/fixes/make-clean-copy';
import type { CleanCopyChoices } from '../../../src-main/core/preflight/fixes/fix-results';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import {
  countTopLevelBookmarks,
  decompressedText,
  latin1Bytes,
  linearized,
  makePaddedPdf,
  makeRevisedSecretPdf,
  qpdfCheck,
  readerText,
} from '../../support/fix-pdfs';
import { sharedFixture } from '../../support/paths';
import { pdfManifestPath, readPdfManifest } from '../../support/pdf-manifest';
import {
  appendIncrementalUpdate,
  buildPdf,
  register,
  text,
  withAttachment,
  withComment,
  withEncryption,
  withFormField,
  withLaunchLink,
  withOpenActionJavaScript,
  withRevealingInfo,
  withUnappliedRedaction,
  withWebLink,
} from '../../support/preflight-pdfs';
import type { Edit } from '../../support/preflight-pdfs';

const keepEverythingOptional: CleanCopyChoices = { dropAnnotations: 'none', flattenForms: false };

async function cleanCopyOf(bytes: Uint8Array, choices: CleanCopyChoices = keepEverythingOptional) {
  const result = await makeCleanCopy(bytes, choices);
  if (!result.ok) {
    throw new Error(`clean copy failed: ${result.code} ${result.message}`);
  }
  return result;
}

async function findingCodes(bytes: Uint8Array): Promise<FindingCode[]> {
  return (await preflightPdf(bytes)).findings.map((finding) => finding.code);
}

function both(...edits: Edit[]): Edit {
  return async (document) => {
    for (const edit of edits) {
      await edit(document);
    }
  };
}

describe('clean copy of synthetic problem PDFs', () => {
  it('drops JavaScript that runs when the file opens, and the copy passes qpdf --check', async () => {
    const original = await buildPdf(withOpenActionJavaScript);
    expect(await findingCodes(original)).toContain('active-content');
    const copy = await cleanCopyOf(original);
    expect(await findingCodes(copy.bytes)).not.toContain('active-content');
    expect(copy.removed).toContain('1 JavaScript action');
    expect(qpdfCheck(copy.bytes)).toBe(0);
  });

  it('drops a link that launches a program but keeps a web link', async () => {
    const original = await buildPdf(both(withLaunchLink, withWebLink('https://www.cit.uscourts.gov')));
    const copy = await cleanCopyOf(original);
    expect(await findingCodes(copy.bytes)).not.toContain('active-content');
    expect(await findingCodes(copy.bytes)).toContain('links');
    expect(copy.removed).toContain('1 Launch action');
    expect(qpdfCheck(copy.bytes)).toBe(0);
  });

  it('drops attached files and names them', async () => {
    const copy = await cleanCopyOf(await buildPdf(withAttachment));
    expect(await findingCodes(copy.bytes)).not.toContain('embedded-files');
    expect(copy.removed).toContain('1 attached file (notes.txt)');
    expect(decompressedText(copy.bytes)).not.toContain('private notes');
    expect(qpdfCheck(copy.bytes)).toBe(0);
  });

  it('drops the document properties that name the author and a folder', async () => {
    const original = await buildPdf(withRevealingInfo);
    expect(await findingCodes(original)).toContain('metadata');
    const copy = await cleanCopyOf(original);
    expect(await findingCodes(copy.bytes)).not.toContain('metadata');
    expect(decompressedText(copy.bytes)).not.toContain('Jane Q. Associate');
    expect(copy.removed).toContain('document properties (title, author and the like)');
    expect(qpdfCheck(copy.bytes)).toBe(0);
  });

  it('drops what pdfTeX keeps of a PDF placed as a figure: its file name and its own properties', async () => {
    const original = await buildPdf((document) => {
      const figureInfo = register(document, {
        Title: text('Internal figure, draft 3'),
        Author: text('Jane Q. Associate'),
        Producer: text('R 2.14.0'),
      });
      const figure = document.context.register(
        document.context.stream('0 0 m 10 10 l S', {
          Type: 'XObject',
          Subtype: 'Form',
          BBox: [0, 0, 10, 10],
          'PTEX.FileName': text('/home/jqa/cases/acme/figure.pdf'),
          'PTEX.InfoDict': figureInfo,
          'PTEX.PageNumber': 1,
        }),
      );
      document.getPage(0).node.setXObject(PDFName.of('Fig1'), figure);
    });
    const metadata = (await preflightPdf(original)).findings.find((finding) => finding.code === 'metadata');
    expect(metadata).toMatchObject({ severity: 'warn', fixes: ['clean-copy'] });
    expect(metadata?.text).toContain(
      'Kept inside the file (an earlier version, or a PDF placed in it) — Author: Jane Q. Associate',
    );
    const copy = await cleanCopyOf(original);
    expect(await findingCodes(copy.bytes)).not.toContain('metadata');
    expect(decompressedText(copy.bytes)).not.toContain('Jane Q. Associate');
    expect(decompressedText(copy.bytes)).not.toContain('/home/jqa');
    expect(copy.removed).toContain('the file names and properties of PDFs placed in it as figures (PTEX entries)');
    expect(qpdfCheck(copy.bytes)).toBe(0);
  });

  it('keeps a fillable form unless asked to flatten it', async () => {
    const original = await buildPdf(withFormField);
    const kept = await cleanCopyOf(original);
    expect(await findingCodes(kept.bytes)).toContain('forms');
    expect((await PDFDocument.load(kept.bytes)).getForm().getFields()).toHaveLength(1);
    expect(qpdfCheck(kept.bytes)).toBe(0);

    const flattened = await cleanCopyOf(original, { dropAnnotations: 'none', flattenForms: true });
    expect(await findingCodes(flattened.bytes)).not.toContain('forms');
    expect(flattened.removed).toContain('1 form field (flattened into the page)');
    expect(qpdfCheck(flattened.bytes)).toBe(0);
  });

  it('removes owner-password restrictions from a file that opens without a password', async () => {
    const original = await buildPdf(withEncryption(''));
    expect(await findingCodes(original)).toContain('encrypted');
    const copy = await cleanCopyOf(original);
    expect(await findingCodes(copy.bytes)).not.toContain('encrypted');
    expect(copy.removed).toContain('security restrictions (the owner password)');
    expect(qpdfCheck(copy.bytes)).toBe(0);
  });

  it('refuses a file that needs a password to open, with a code', async () => {
    const result = await makeCleanCopy(await buildPdf(withEncryption('open-sesame')), keepEverythingOptional);
    expect(result).toMatchObject({ ok: false, code: 'fix.needs-password' });
  });

  it('refuses bytes that are not a PDF, with a code', async () => {
    const result = await makeCleanCopy(latin1Bytes('This is a letter, not a PDF.'), keepEverythingOptional);
    expect(result).toMatchObject({ ok: false, code: 'fix.unreadable' });
  });

  it('drops comments only when asked, and never web links with them', async () => {
    const original = await buildPdf(both(withComment(0), withWebLink('https://www.cit.uscourts.gov')));
    expect(await findingCodes((await cleanCopyOf(original)).bytes)).toContain('annotations');
    const withoutComments = await cleanCopyOf(original, { dropAnnotations: 'comments', flattenForms: false });
    expect(await findingCodes(withoutComments.bytes)).not.toContain('annotations');
    expect(await findingCodes(withoutComments.bytes)).toContain('links');
    expect(withoutComments.removed).toContain('1 comment or markup');
    const withoutAny = await cleanCopyOf(original, { dropAnnotations: 'all', flattenForms: false });
    expect(await findingCodes(withoutAny.bytes)).not.toContain('links');
    expect(qpdfCheck(withoutAny.bytes)).toBe(0);
  });

  it('keeps an unapplied redaction mark and says a copy cannot apply it', async () => {
    const copy = await cleanCopyOf(await buildPdf(withUnappliedRedaction), {
      dropAnnotations: 'all',
      flattenForms: false,
    });
    expect(await findingCodes(copy.bytes)).toContain('unapplied-redaction');
    expect(copy.notes.join(' ')).toMatch(/cannot apply a redaction/);
  });

  it('keeps the bookmarks', async () => {
    const copy = await cleanCopyOf(await makePaddedPdf(3, 1_000, [1, 2, 3]));
    expect(await countTopLevelBookmarks(copy.bytes)).toBe(3);
  });
});

describe('clean copy drops earlier revisions and every deleted object', () => {
  it('keeps only the final version of a file saved twice', async () => {
    const original = appendIncrementalUpdate(await buildPdf());
    expect(await findingCodes(original)).toContain('earlier-revisions');
    const copy = await cleanCopyOf(original);
    expect(await findingCodes(copy.bytes)).not.toContain('earlier-revisions');
    expect(copy.removed).toContain('1 earlier revision');
  });

  it('leaves out text an edit replaced and a note it deleted, which a plain pdf-lib save keeps', async () => {
    const original = makeRevisedSecretPdf();
    expect(qpdfCheck(original)).toBe(0);
    const plainSave = await (await PDFDocument.load(original)).save({ useObjectStreams: false });
    expect(Buffer.from(plainSave).toString('latin1')).toContain('SECRET-ACCOUNT-4417');

    const copy = await cleanCopyOf(original);
    const text = decompressedText(copy.bytes);
    expect(text).not.toContain('SECRET-ACCOUNT-4417');
    expect(text).not.toContain('SECRET-NOTE-8812');
    expect(text).toContain('Public text');
    expect(qpdfCheck(copy.bytes)).toBe(0);
  });
});

describe("clean copy reads the file's index in the order the file chains it", () => {
  it('keeps every page of a linearized file saved again, whose newest index sits at its start', async () => {
    const original = appendIncrementalUpdate(
      linearized(
        await buildPdf(
          async (document) => {
            const font = await document.embedFont(StandardFonts.Helvetica);
            document.getPages().forEach((page, index) => {
              page.drawText(`Exhibit page ${index + 1} of the filing`, { x: 72, y: 700, size: 14, font });
            });
          },
          { pages: 3, useObjectStreams: true },
        ),
      ),
    );
    expect(await findingCodes(original)).toContain('earlier-revisions');
    const copy = await cleanCopyOf(original);
    const words = readerText(copy.bytes);
    for (const page of [1, 2, 3]) {
      expect(words).toContain(`Exhibit page ${page} of the filing`);
    }
    expect(qpdfCheck(copy.bytes)).toBe(0);
  });

  const webCapture = sharedFixture('pdf/openpreserve__format-corpus/pdfCabinetOfHorrors/webCapture.pdf');
  it.skipIf(webCapture === null)(
    "webCapture.pdf (linearized, then saved again): the copy keeps all three pages' words and drops the SubmitForm",
    async () => {
      const original = new Uint8Array(readFileSync(webCapture as string));
      const copy = await cleanCopyOf(original);
      expect(copy.removed).toContain('1 SubmitForm action');
      expect(readerText(copy.bytes).replace(/\s+/g, '')).toBe(readerText(original).replace(/\s+/g, ''));
    },
  );
});

const qpdfTests = 'pdf/qpdf__qpdf/qpdf/qtest/qpdf';

describe('clean copy of qpdf incremental-update fixtures (docs/court-rules.md#clean-copies)', () => {
  const reused = sharedFixture(`${qpdfTests}/incremental-1.pdf`);
  it.skipIf(reused === null)(
    'incremental-1: the deleted "Potato" stream is gone and the reused number\'s "Salad" stays',
    async () => {
      const copy = await cleanCopyOf(readFileSync(reused as string));
      const text = decompressedText(copy.bytes);
      expect(text).not.toContain('Potato');
      expect(text).toContain('Salad');
      expect(qpdfCheck(copy.bytes)).toBe(0);
    },
  );

  const reusedWithoutDelete = sharedFixture(`${qpdfTests}/incremental-2.pdf`);
  it.skipIf(reusedWithoutDelete === null)(
    'incremental-2: a number reused without deleting first keeps only "Salad"',
    async () => {
      const text = decompressedText((await cleanCopyOf(readFileSync(reusedWithoutDelete as string))).bytes);
      expect(text).not.toContain('Potato');
      expect(text).toContain('Salad');
    },
  );

  const deleted = sharedFixture(`${qpdfTests}/incremental-3.pdf`);
  it.skipIf(deleted === null)(
    'incremental-3: a stream deleted while the page still names it does not come back',
    async () => {
      const copy = await cleanCopyOf(readFileSync(deleted as string));
      expect(decompressedText(copy.bytes)).not.toContain('Potato');
      expect(qpdfCheck(copy.bytes)).toBe(0);
    },
  );
});

describe('clean copy of real problem PDFs from the fixtures', () => {
  const cases: [string, FindingCode[]][] = [
    [
      'pdf/openpreserve__format-corpus/pdfCabinetOfHorrors/fileAttachment.pdf',
      ['active-content', 'embedded-files', 'metadata'],
    ],
    ['pdf/pdfcpu__pdfcpu/pkg/samples/form/demoSinglePage/english.pdf', ['active-content']],
    ['pdf/chromium__pdfium/testing/resources/launch_action.pdf', ['active-content']],
    ['pdf/chromium__pdfium/testing/resources/embedded_attachments.pdf', ['active-content', 'embedded-files']],
    [`${qpdfTests}/V4-aes.pdf`, ['encrypted']],
    ['pdf/openpreserve__format-corpus/pdfCabinetOfHorrors/encryption_nocopy.pdf', ['encrypted', 'earlier-revisions']],
  ];
  for (const [relative, codes] of cases) {
    const file = sharedFixture(relative);
    it.skipIf(file === null)(
      `${relative.split('/').pop()}: the copy no longer has ${codes.join(', ')} and passes qpdf --check`,
      async () => {
        const original = readFileSync(file as string);
        const before = await findingCodes(original);
        expect(codes.filter((code) => before.includes(code)).length).toBeGreaterThan(0);
        const copy = await cleanCopyOf(original);
        const after = await findingCodes(copy.bytes);
        for (const code of codes) {
          expect(after).not.toContain(code);
        }
        expect(qpdfCheck(copy.bytes)).toBe(0);
      },
    );
  }

  const userPassword = sharedFixture('pdf/openpreserve__format-corpus/pdfCabinetOfHorrors/encryption_openpassword.pdf');
  it.skipIf(userPassword === null)('a real file that needs a password to open gets fix.needs-password', async () => {
    expect(await makeCleanCopy(readFileSync(userPassword as string), keepEverythingOptional)).toMatchObject({
      ok: false,
      code: 'fix.needs-password',
    });
  });
});

/** Where a clean copy's words rightly differ from what poppler reads in the original. */
const changedWords: Record<string, string> = {
  'qpdf__qpdf/qpdf/qtest/qpdf/incremental-3.pdf':
    'the last revision deletes the "Potato" stream the page still names; poppler ignores the deletion',
  'mozilla__pdf.js/test/pdfs/multimedia_annotations.pdf':
    'the words of its media players (Screen annotations) go with the media the court does not take',
  'chromium__pdfium/testing/resources/parser_rebuildxref_error_notrailer.pdf':
    'poppler cannot open the original (no trailer); the copy, rebuilt by ECF Desk, is readable',
};

describe('a clean copy keeps the words a reader sees', () => {
  it.skipIf(pdfManifestPath === null)('on every real problem PDF it can copy', async () => {
    const results: string[] = [];
    for (const { file, path: filePath } of readPdfManifest()) {
      const original = new Uint8Array(readFileSync(filePath));
      const copy = await makeCleanCopy(original, keepEverythingOptional);
      if (!copy.ok) {
        continue;
      }
      const before = readerText(original).replace(/\s+/g, '');
      const after = readerText(copy.bytes).replace(/\s+/g, '');
      results.push(
        `${file}: ${before === after ? 'same words' : (changedWords[file] ?? `${before.length} → ${after.length} characters`)}`,
      );
    }
    expect(results.length).toBeGreaterThan(60);
    expect(results.filter((line) => / → /.test(line))).toEqual([]);
  });
});
