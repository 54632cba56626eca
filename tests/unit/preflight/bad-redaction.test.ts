import { describe, expect, it } from 'vitest';
import { PDFName } from '@cantoo/pdf-lib';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { findBadRedactions } from '../../../src-main/core/preflight/checks/bad-redaction';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import {
  makeAnnotatedTextPdf,
  makeBoxAndTextPdf,
  makeImageAndTextPdf,
  makeRawContentPdf,
} from '../../support/content-pdfs';

async function badRedactions(bytes: Uint8Array) {
  return findBadRedactions(await inspectPdf(bytes, citPreflightOptions));
}

describe('bad redactions', () => {
  it('a black box drawn over text blocks filing and names the page, the box and the text under it', async () => {
    const [finding, ...rest] = await badRedactions(
      await makeBoxAndTextPdf({ text: 'SSN 123-45-6789', isBoxFirst: false }),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'bad-redaction', severity: 'block', pages: [1], text: ['SSN 123-45-6789'] });
    expect(finding!.boxes).toEqual([{ page: 1, x0: 70, y0: 695, x1: expect.closeTo(170.05, 1) as number, y1: 713 }]);
    expect(finding!.message).toMatch(/clean copy does not fix/i);
    expect(finding!.message).toMatch(/redaction tool/i);
  });

  it('text printed on top of a dark box is visible, so it is not a leak', async () => {
    expect(
      await badRedactions(
        await makeBoxAndTextPdf({ text: 'Exhibit 12', isBoxFirst: true, boxColour: 0.2, textColour: 1 }),
      ),
    ).toEqual([]);
  });

  it('white text on a white box is hidden even though it was drawn after the box', async () => {
    const findings = await badRedactions(
      await makeBoxAndTextPdf({ text: 'Account 4400123', isBoxFirst: true, boxColour: 1, textColour: 1 }),
    );
    expect(findings[0]?.text).toEqual(['Account 4400123']);
  });

  it('invisible text under a box is still text anyone can copy out', async () => {
    const findings = await badRedactions(
      await makeBoxAndTextPdf({ text: 'Minor J. Doe', isBoxFirst: false, isTextInvisible: true }),
    );
    expect(findings[0]?.text).toEqual(['Minor J. Doe']);
  });

  it('a box over the word REDACTED is what a proper redaction leaves, so it passes', async () => {
    expect(await badRedactions(await makeBoxAndTextPdf({ text: 'REDACTED', isBoxFirst: false }))).toEqual([]);
  });

  it('a box over a placeholder like XXXX-XXXX passes', async () => {
    expect(await badRedactions(await makeBoxAndTextPdf({ text: 'XXXX-XXXX', isBoxFirst: false }))).toEqual([]);
  });

  it('a document whose only hidden text is dates passes, as in x-ray', async () => {
    expect(await badRedactions(await makeBoxAndTextPdf({ text: '01/15/2024', isBoxFirst: false }))).toEqual([]);
  });

  it('thin rules and boxes in the top header strip are not redactions', async () => {
    const content =
      'BT /F1 12 Tf 72 700 Td (Secret plan) Tj 72 60 Td (Case 1:24-cv-00001) Tj ET 70 703 100 3 re f 70 758 200 18 re f';
    expect(await badRedactions(await makeRawContentPdf(content))).toEqual([]);
  });

  it('a box that covers only part of each letter does not hide them', async () => {
    const content = 'BT /F1 12 Tf 72 700 Td (Partly covered words) Tj ET 70 703 150 20 re f';
    expect(await badRedactions(await makeRawContentPdf(content))).toEqual([]);
  });

  it('a page background with the text painted on top of it is not a box over the text', async () => {
    const content =
      '1 g 0 0 612 792 re f 1 g BT /F1 12 Tf 72 700 Td (White note) Tj ET 0 g BT /F1 12 Tf 72 680 Td (Body text in black) Tj ET';
    expect(await badRedactions(await makeRawContentPdf(content))).toEqual([]);
  });

  it('a black highlight annotation over an SSN hides nothing: the number is still in the file and is reported', async () => {
    const [finding] = await badRedactions(
      await makeAnnotatedTextPdf({ text: 'SSN 123-45-6789', subtype: 'Highlight', colour: [0, 0, 0] }),
    );
    expect(finding).toMatchObject({ code: 'bad-redaction', severity: 'block', pages: [1], text: ['SSN 123-45-6789'] });
    expect(finding!.boxes).toEqual([{ page: 1, x0: 70, y0: 695, x1: expect.closeTo(170.05, 1) as number, y1: 713 }]);
  });

  it('a yellow highlight marks text without hiding it', async () => {
    expect(
      await badRedactions(
        await makeAnnotatedTextPdf({ text: 'SSN 123-45-6789', subtype: 'Highlight', colour: [1, 1, 0] }),
      ),
    ).toEqual([]);
  });

  it('a black square annotation filled with its interior colour covers the words beneath', async () => {
    const findings = await badRedactions(
      await makeAnnotatedTextPdf({ text: 'Account 4400123', subtype: 'Square', colour: [0] }),
    );
    expect(findings[0]?.text).toEqual(['Account 4400123']);
  });

  it('a hidden black square annotation is never shown, so it covers nothing', async () => {
    expect(
      await badRedactions(
        await makeAnnotatedTextPdf({ text: 'Account 4400123', subtype: 'Square', colour: [0], flags: 2 }),
      ),
    ).toEqual([]);
  });

  it('a half-transparent black highlight lets the words show through', async () => {
    expect(
      await badRedactions(
        await makeAnnotatedTextPdf({ text: 'Account 4400123', subtype: 'Highlight', colour: [0], opacity: 0.5 }),
      ),
    ).toEqual([]);
  });

  it('a black image painted over text is a box over words that are still in the file', async () => {
    const [finding] = await badRedactions(
      await makeImageAndTextPdf({ text: 'Minor J. Doe', isImageFirst: false, grey: 0 }),
    );
    expect(finding).toMatchObject({ code: 'bad-redaction', pages: [1], text: ['Minor J. Doe'] });
    expect(finding!.boxes).toHaveLength(1);
  });

  it('black text printed on the same black image is lost on it just as under it', async () => {
    const [finding] = await badRedactions(
      await makeImageAndTextPdf({ text: 'Minor J. Doe', isImageFirst: true, grey: 0 }),
    );
    expect(finding).toMatchObject({ code: 'bad-redaction', pages: [1], text: ['Minor J. Doe'] });
  });

  it('black text printed on a light image is plain to see', async () => {
    expect(
      await badRedactions(await makeImageAndTextPdf({ text: 'Minor J. Doe', isImageFirst: true, grey: 230 })),
    ).toEqual([]);
  });

  it('a light image painted over text is a picture, not a cover', async () => {
    expect(
      await badRedactions(await makeImageAndTextPdf({ text: 'Minor J. Doe', isImageFirst: false, grey: 230 })),
    ).toEqual([]);
  });

  it('an image mask stamped over text in black hides it like a box, and one stamped in white does not', async () => {
    const stampMask = (fill: string) =>
      makeRawContentPdf(
        `BT /F1 12 Tf 72 700 Td (Case notes) Tj ET ${fill} q 80 0 0 18 70 695 cm /Stamp Do Q`,
        (document, page) => {
          const mask = document.context.flateStream(new Uint8Array(2 * 16), {
            Type: 'XObject',
            Subtype: 'Image',
            Width: 16,
            Height: 16,
            ImageMask: true,
          });
          page.node.setXObject(PDFName.of('Stamp'), document.context.register(mask));
        },
      );
    expect((await badRedactions(await stampMask('0 g')))[0]?.text).toEqual(['Case notes']);
    expect(await badRedactions(await stampMask('1 g'))).toEqual([]);
  });
});
