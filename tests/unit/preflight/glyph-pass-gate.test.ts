import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { mayHideText } from '../../../src-main/core/preflight/content/covered-text';
import { readPageContents } from '../../../src-main/core/preflight/content/page-content';
import { findBadRedactions } from '../../../src-main/core/preflight/checks/bad-redaction';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { makeRawContentPdf } from '../../support/content-pdfs';

/**
 * The cheap pass decides which pages get the glyph pass; these pages show it letting through every page where a box
 * may hide a glyph, and keeping out the pages where boxes only meet text, as a ruled table or a shaded code listing does.
 */
async function gate(content: string): Promise<{ mayHide: boolean; findings: number }> {
  const bytes = await makeRawContentPdf(content);
  const [page] = readPageContents(await PDFDocument.load(bytes));
  const findings = await findBadRedactions(await inspectPdf(bytes, citPreflightOptions));
  return { mayHide: mayHideText(page!), findings: findings.length };
}

const words = 'BT /F1 12 Tf 100 500 Td (Confidential settlement) Tj ET';

describe('the gate to the glyph pass', () => {
  it('lets through a box painted over the words and one of their colour beneath them', async () => {
    await expect(gate(`${words} 0 g 95 495 200 20 re f`)).resolves.toEqual({ mayHide: true, findings: 1 });
    await expect(gate(`0 g 95 495 200 20 re f ${words}`)).resolves.toEqual({ mayHide: true, findings: 1 });
  });

  it('lets through upside-down and quarter-turned text under a box', async () => {
    const turned = 'BT /F1 12 Tf 0 1 -1 0 300 300 Tm (Confidential settlement) Tj ET 0 g 285 295 20 200 re f';
    await expect(gate(turned)).resolves.toEqual({ mayHide: true, findings: 1 });
    const upsideDown = 'BT /F1 12 Tf -1 0 0 -1 300 300 Tm (Confidential settlement) Tj ET 0 g 95 280 210 30 re f';
    await expect(gate(upsideDown)).resolves.toEqual({ mayHide: true, findings: 1 });
  });

  it('keeps out a light box beneath dark words and a box that only grazes a line', async () => {
    await expect(gate(`0.9 g 95 495 200 20 re f 0 g ${words}`)).resolves.toEqual({ mayHide: false, findings: 0 });
    // A rule 6 pt tall across the lower half of the line covers under 80 % of any glyph's height.
    await expect(gate(`${words} 0 g 95 490 200 8 re f`)).resolves.toEqual({ mayHide: false, findings: 0 });
  });

  it('lets through text turned by another angle whenever a box meets it', async () => {
    const slanted = 'BT /F1 12 Tf 0.7071 0.7071 -0.7071 0.7071 300 300 Tm (Confidential) Tj ET 0 g 320 320 10 10 re f';
    const { mayHide } = await gate(slanted);
    expect(mayHide).toBe(true);
  });
});
