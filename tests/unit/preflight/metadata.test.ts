import { describe, expect, it } from 'vitest';
import { PDFDict, PDFName, PDFString } from '@cantoo/pdf-lib';
import { findMetadata } from '../../../src-main/core/preflight/checks/metadata';
import { buildPdf, runCheck, withRevealingInfo } from '../../support/preflight-pdfs';

describe('metadata', () => {
  it('warns about the author and a Windows folder path in the document properties', async () => {
    const findings = await runCheck(findMetadata, await buildPdf(withRevealingInfo));
    expect(findings).toMatchObject([{ code: 'metadata', severity: 'warn', fixes: ['clean-copy'] }]);
    expect(findings[0]?.text).toContain('Author: Jane Q. Associate');
    expect(findings[0]?.text).toContain('File path: C:\\Users\\jqa\\Matters\\Acme');
  });

  it('reads the XMP metadata stream too', async () => {
    const pdf = await buildPdf((document) => {
      const xmp =
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        '<dc:creator><rdf:Seq><rdf:li>Paul Paralegal</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>';
      const stream = document.context.flateStream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
      document.catalog.set(PDFName.of('Metadata'), document.context.register(stream));
    });
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
});
