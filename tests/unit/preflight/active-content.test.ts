import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import { sharedFixture } from '../../support/paths';
import { PDFName } from '@cantoo/pdf-lib';
import { findActiveContent } from '../../../src-main/core/preflight/checks/active-content';
import {
  action,
  buildPdf,
  register,
  runCheck,
  text,
  withEncryption,
  withLaunchLink,
  withOpenActionJavaScript,
  withWebLink,
} from '../../support/preflight-pdfs';

describe('active-content', () => {
  it('blocks JavaScript that runs when the document opens, and offers a clean copy', async () => {
    const findings = await runCheck(findActiveContent, await buildPdf(withOpenActionJavaScript));
    expect(findings).toMatchObject([
      { code: 'active-content', severity: 'block', fixes: ['clean-copy'], text: ['JavaScript (1)'] },
    ]);
    expect(findings[0]?.message).toContain('code which may cause an external action');
  });

  it('finds JavaScript hidden inside a compressed object stream, where a byte scan cannot see it', async () => {
    const pdf = await buildPdf(withOpenActionJavaScript, { useObjectStreams: true });
    expect(Buffer.from(pdf).includes('/JavaScript')).toBe(false);
    expect(await runCheck(findActiveContent, pdf)).toMatchObject([
      { code: 'active-content', text: ['JavaScript (1)'] },
    ]);
  });

  it('finds JavaScript in a file that is encrypted but opens without a password', async () => {
    const pdf = await buildPdf(
      async (document) => {
        await withOpenActionJavaScript(document);
        await withEncryption('')(document);
      },
      { useObjectStreams: true },
    );
    expect(await runCheck(findActiveContent, pdf)).toMatchObject([{ code: 'active-content' }]);
  });

  it('names the page of a link that launches a program', async () => {
    const findings = await runCheck(findActiveContent, await buildPdf(withLaunchLink));
    expect(findings).toMatchObject([{ pages: [1], text: ['Launch (1)'] }]);
  });

  it('follows a /Next chain from an allowed action to a blocked one', async () => {
    const pdf = await buildPdf((document) => {
      const submit = action(document, { S: 'SubmitForm', F: text('https://collector.example/') });
      document.catalog.set(
        PDFName.of('OpenAction'),
        action(document, { S: 'GoTo', D: [document.getPage(0).ref, 'Fit'], Next: submit }),
      );
    });
    expect(await runCheck(findActiveContent, pdf)).toMatchObject([{ text: ['SubmitForm (1)'] }]);
  });

  it('finds document-level scripts in the /Names JavaScript tree', async () => {
    const pdf = await buildPdf((document) => {
      const script = action(document, { S: 'JavaScript', JS: text('this.print()') });
      const tree = register(document, { Names: [text('AutoPrint'), script] });
      document.catalog.set(PDFName.of('Names'), document.context.obj({ JavaScript: tree }));
    });
    const findings = await runCheck(findActiveContent, pdf);
    expect(findings[0]?.text).toContain('document-level JavaScript that runs when the file is opened');
  });

  it('lets web links and jumps inside the document through', async () => {
    const pdf = await buildPdf(async (document) => {
      await withWebLink('https://www.cit.uscourts.gov/')(document);
      document.catalog.set(
        PDFName.of('OpenAction'),
        action(document, { S: 'GoTo', D: [document.getPage(0).ref, 'Fit'] }),
      );
    });
    expect(await runCheck(findActiveContent, pdf)).toEqual([]);
  });

  it('does not mistake a tagged-PDF structure element for an action', async () => {
    const pdf = await buildPdf((document) => {
      register(document, { Type: 'StructElem', S: 'Sound', K: 0 });
    });
    expect(await runCheck(findActiveContent, pdf)).toEqual([]);
  });

  // The web capture's "Search" push button is a live form widget whose SubmitForm action sends the search field to
  // openplanetsfoundation.org when clicked: an external action in the words of court FAQ 49, so it is blocked.
  const webCapture = sharedFixture('pdf/openpreserve__format-corpus/pdfCabinetOfHorrors/webCapture.pdf');
  it.skipIf(webCapture === null)(
    "webCapture.pdf: the captured page's Search button submits to a web site, on page 2",
    async () => {
      const pdf = await inspectPdf(new Uint8Array(readFileSync(webCapture as string)), citPreflightOptions);
      expect(findActiveContent(pdf)).toMatchObject([{ code: 'active-content', pages: [2], text: ['SubmitForm (1)'] }]);
    },
  );
});
