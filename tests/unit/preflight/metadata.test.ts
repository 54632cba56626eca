import { describe, expect, it } from 'vitest';
import { PDFDict, PDFName, PDFString } from '@cantoo/pdf-lib';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { findMetadata } from '../../../src-main/core/preflight/checks/metadata';
import { appendIncrementalUpdate, buildPdf, runCheck, withRevealingInfo } from '../../support/preflight-pdfs';

const firmOptions = { ...citPreflightOptions, firmNames: ['Smith & Jones'] };

/** A PDF whose XMP metadata lists these authors (dc:creator), each escaped as XML. */
function buildPdfWithXmpAuthors(authors: readonly string[]): Promise<Uint8Array> {
  return buildPdf((document) => {
    const items = authors.map((author) => `<rdf:li>${author.replace(/&/g, '&amp;')}</rdf:li>`).join('');
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      `<dc:creator><rdf:Seq>${items}</rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`;
    const stream = document.context.flateStream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
    document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
  });
}

describe('metadata', () => {
  it('warns about the author and a Windows folder path in the document properties', async () => {
    const findings = await runCheck(findMetadata, await buildPdf(withRevealingInfo));
    expect(findings).toMatchObject([{ code: 'metadata', severity: 'warn', fixes: ['clean-copy'] }]);
    expect(findings[0]?.text).toContain('Author: Jane Q. Associate');
    expect(findings[0]?.text).toContain('File path: C:\\Users\\jqa\\Matters\\Acme');
  });

  it('reads the XMP metadata stream too', async () => {
    const pdf = await buildPdfWithXmpAuthors(['Paul Paralegal']);
    expect((await runCheck(findMetadata, pdf))[0]?.text).toContain('Author (XMP): Paul Paralegal');
  });

  it('finds a Mac home-folder path in a custom property', async () => {
    const pdf = await buildPdf((document) => {
      document.setProducer('Pages');
      const info = document.context.lookup(document.context.trailerInfo.Info, PDFDict);
      info.set(PDFName.of('SourceFile'), PDFString.of('/Users/jqa/Desktop/brief.pages'));
    });
    expect((await runCheck(findMetadata, pdf))[0]?.text).toContain('File path: /Users/jqa/Desktop/brief.pages');
  });

  it('stays quiet when the only properties name the software that made the file', async () => {
    const pdf = await buildPdf((document) => {
      document.setProducer('Microsoft Word for Microsoft 365');
      document.setCreator('Microsoft Word');
    });
    expect(await runCheck(findMetadata, pdf)).toEqual([]);
  });

  it('tells only what the properties say when they give the title and the author is the firm', async () => {
    const pdf = await buildPdf((document) => {
      document.setTitle('Plaintiff’s Motion for Judgment on the Agency Record');
      document.setAuthor('Smith and Jones');
      document.setCreator('Microsoft Word');
    });
    const findings = await runCheck(findMetadata, pdf, firmOptions);
    expect(findings).toMatchObject([{ code: 'metadata', severity: 'info', fixes: ['clean-copy'] }]);
    expect(findings[0]?.text).toContain('Author: Smith and Jones');
  });

  it('takes a name with a firm’s legal form for the firm even when no firm name is known', async () => {
    const pdf = await buildPdf((document) => {
      document.setTitle('Complaint');
      document.setAuthor('Barnes, Richardson & Colburn, LLP');
    });
    expect(await runCheck(findMetadata, pdf)).toMatchObject([{ severity: 'info' }]);
  });

  it('tells only the title when the title is all there is', async () => {
    const pdf = await buildPdf((document) => document.setTitle('Summons'));
    expect(await runCheck(findMetadata, pdf)).toMatchObject([{ severity: 'info', text: ['Title: Summons'] }]);
  });

  it('still warns when the author is a person, even with the firm known', async () => {
    const pdf = await buildPdf((document) => {
      document.setTitle('Complaint');
      document.setAuthor('Jane Q. Associate');
    });
    const findings = await runCheck(findMetadata, pdf, firmOptions);
    expect(findings).toMatchObject([{ severity: 'warn' }]);
    expect(findings[0]?.message).toContain(
      "This PDF's properties (its document information and XMP metadata) name a person (or say more than the title and the firm); they are filed with it",
    );
  });

  it('still warns when a list of authors names a person beside the firm', async () => {
    const pdf = await buildPdfWithXmpAuthors(['Smith & Jones', 'Paul Paralegal']);
    const findings = await runCheck(findMetadata, pdf, firmOptions);
    expect(findings).toMatchObject([{ severity: 'warn' }]);
    expect(findings[0]?.text).toContain('Author (XMP): Smith & Jones; Paul Paralegal');
  });

  it('still warns when the title is a word-processor file name', async () => {
    const pdf = await buildPdf((document) => document.setTitle('Microsoft Word - Draft brief JQA edits.docx'));
    const findings = await runCheck(findMetadata, pdf, firmOptions);
    expect(findings).toMatchObject([{ severity: 'warn' }]);
    expect(findings[0]?.message).toContain('name a file or folder on a computer');
  });

  it('still warns about a file path even when the rest names only the firm', async () => {
    const pdf = await buildPdf((document) => {
      document.setAuthor('Smith & Jones');
      document.setSubject('\\\\fileserver\\matters\\acme');
    });
    expect(await runCheck(findMetadata, pdf, firmOptions)).toMatchObject([{ severity: 'warn' }]);
  });

  it('still warns about the properties an earlier version left in the file', async () => {
    const original = await buildPdf((document) => {
      document.setTitle('Complaint');
      document.setAuthor('Jane Q. Associate');
    });
    const findings = await runCheck(findMetadata, appendIncrementalUpdate(original), firmOptions);
    expect(findings).toMatchObject([{ severity: 'warn' }]);
    expect(findings[0]?.text).toContain('Title: Revised draft');
    expect(findings[0]?.text).toContain(
      'Kept inside the file (an earlier version, or a PDF placed in it) — Author: Jane Q. Associate',
    );
    expect(findings[0]?.message).toContain('an earlier version');
  });
});
