import {
  PDFArray,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  PDFString,
  StandardFonts,
} from '@cantoo/pdf-lib';
import type { PDFObject, PDFRef } from '@cantoo/pdf-lib';
import type { Finding } from '../../src-main/shared/preflight';
import { citPreflightOptions } from '../../src-main/core/preflight/check';
import type { Check, InspectedPdf, PreflightOptions } from '../../src-main/core/preflight/check';
import { inspectPdf } from '../../src-main/core/preflight/inspect-pdf';

/** Synthetic PDFs for the preflight checks, each built in code so every check has a positive and a negative case. */

/** A value in a dictionary literal: names are written as plain strings ('Annot' is /Annot). */
export type Entry = PDFObject | string | number | boolean | Entry[] | { [key: string]: Entry };

/** How a builder changes a fresh one-page letter document before it is saved. */
export type Edit = (document: PDFDocument) => void | Promise<void>;

/** A one-page (or `pages`-page) letter-size PDF, changed by `edit`, saved without object streams unless asked. */
export async function buildPdf(
  edit: Edit = () => undefined,
  options: { pages?: number; useObjectStreams?: boolean } = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  for (let page = 0; page < (options.pages ?? 1); page += 1) {
    document.addPage([612, 792]);
  }
  await edit(document);
  return document.save({ useObjectStreams: options.useObjectStreams ?? false });
}

/** Runs one check on bytes, the way preflight does. */
export async function runCheck(
  check: Check,
  bytes: Uint8Array,
  options: PreflightOptions = citPreflightOptions,
): Promise<Finding[]> {
  const inspected: InspectedPdf = await inspectPdf(bytes, options);
  return check(inspected);
}

/** A dictionary registered as an indirect object. */
export function register(document: PDFDocument, entries: { [key: string]: Entry }): PDFRef {
  return document.context.register(document.context.obj(entries));
}

/** A PDF text string (the `(...)` kind). */
export function text(value: string): PDFString {
  return PDFString.of(value);
}

/** Adds an annotation dictionary to a page's /Annots. */
export function addAnnotation(document: PDFDocument, pageIndex: number, entries: { [key: string]: Entry }): PDFRef {
  const page = document.getPage(pageIndex);
  const reference = register(document, { Type: 'Annot', ...entries });
  const existing = page.node.lookup(PDFName.of('Annots'));
  if (existing instanceof PDFArray) {
    existing.push(reference);
  } else {
    page.node.set(PDFName.of('Annots'), document.context.obj([reference]));
  }
  return reference;
}

/** An action dictionary such as `{ S: 'JavaScript', JS: text('app.alert(1)') }`. */
export function action(document: PDFDocument, entries: { [key: string]: Entry }): PDFRef {
  return register(document, { Type: 'Action', ...entries });
}

/** A document whose catalog runs JavaScript when it opens. */
export const withOpenActionJavaScript: Edit = (document) => {
  document.catalog.set(PDFName.of('OpenAction'), action(document, { S: 'JavaScript', JS: text('app.alert("hello")') }));
};

/** A link annotation on page 1 whose action launches a program. */
export const withLaunchLink: Edit = (document) => {
  addAnnotation(document, 0, {
    Subtype: 'Link',
    Rect: [72, 700, 200, 720],
    A: action(document, { S: 'Launch', F: text('calc.exe') }),
  });
};

/** A link annotation on `pageIndex` that opens a web address. */
export function withWebLink(address: string, pageIndex = 0): Edit {
  return (document) => {
    addAnnotation(document, pageIndex, {
      Subtype: 'Link',
      Rect: [72, 700, 200, 720],
      A: action(document, { S: 'URI', URI: text(address) }),
    });
  };
}

/** A text file attached to the document (the /EmbeddedFiles name tree). */
export const withAttachment: Edit = async (document) => {
  await document.attach(new TextEncoder().encode('private notes'), 'notes.txt', { mimeType: 'text/plain' });
};

/** A redaction marked over a line on page 1 and never applied. */
export const withUnappliedRedaction: Edit = (document) => {
  addAnnotation(document, 0, { Subtype: 'Redact', Rect: [100, 600, 300, 620] });
};

/** Document properties naming the author and a folder on the author's computer. */
export const withRevealingInfo: Edit = (document) => {
  document.setAuthor('Jane Q. Associate');
  document.setSubject('C:\\Users\\jqa\\Matters\\Acme v. United States\\draft brief.docx');
};

/** One layer that is hidden when the file opens. */
export const withHiddenLayer: Edit = (document) => {
  const layer = register(document, { Type: 'OCG', Name: text('Internal notes') });
  const properties = document.context.obj({ OCGs: [layer], D: { OFF: [layer] } });
  document.catalog.set(PDFName.of('OCProperties'), properties);
};

/** Where `withHiddenLayerOnPage2` puts the box it draws on its hidden layer, in page space. */
export const hiddenLayerBox = { page: 2, x0: 72, y0: 300, x1: 540, y1: 400 } as const;

/**
 * Two pages; page 2 shows a visible heading and, on a layer named "Privileged notes" that is off when the file
 * opens, a line of large text (an `/OC … BDC … EMC` section) and a filled box (a form XObject carrying /OC itself).
 */
export const withHiddenLayerOnPage2: Edit = async (document) => {
  while (document.getPageCount() < 2) {
    document.addPage([612, 792]);
  }
  const layer = register(document, { Type: 'OCG', Name: text('Privileged notes') });
  document.catalog.set(PDFName.of('OCProperties'), document.context.obj({ OCGs: [layer], D: { OFF: [layer] } }));
  const page = document.getPage(1);
  const font = await document.embedFont(StandardFonts.Helvetica);
  page.drawText('Page 2: exhibit list', { x: 72, y: 700, size: 14, font });
  const { x0, y0, x1, y1 } = hiddenLayerBox;
  const box = document.context.register(
    document.context.stream(`0 0 0 rg 0 0 ${x1 - x0} ${y1 - y0} re f`, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, x1 - x0, y1 - y0],
      OC: layer,
    }),
  );
  // drawText has given the page its resources (the font); the layer's name and the box join them.
  const resources = page.node.Resources();
  if (!resources) {
    throw new Error('page 2 has no resources after drawing text');
  }
  resources.set(PDFName.of('Properties'), document.context.obj({ Notes: layer }));
  resources.set(PDFName.of('XObject'), document.context.obj({ Box: box }));
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('OC'), PDFName.of('Notes')]),
  );
  page.drawText('SETTLE AT $2M', { x: 72, y: 550, size: 48, font });
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    PDFOperator.of(PDFOperatorNames.PushGraphicsState),
    PDFOperator.of(
      PDFOperatorNames.ConcatTransformationMatrix,
      [1, 0, 0, 1, x0, y0].map((value) => PDFNumber.of(value)),
    ),
    PDFOperator.of(PDFOperatorNames.DrawObject, [PDFName.of('Box')]),
    PDFOperator.of(PDFOperatorNames.PopGraphicsState),
  );
};

/** The two-page PDF of `withHiddenLayerOnPage2`. */
export function makeHiddenLayerPdf(): Promise<Uint8Array> {
  return buildPdf(withHiddenLayerOnPage2, { pages: 2 });
}

/** One layer that is shown when the file opens (and can be switched off). */
export const withVisibleLayer: Edit = (document) => {
  const layer = register(document, { Type: 'OCG', Name: text('Exhibit stamps') });
  document.catalog.set(PDFName.of('OCProperties'), document.context.obj({ OCGs: [layer], D: { ON: [layer] } }));
};

/** A fillable text field on page 1. */
export const withFormField: Edit = (document) => {
  document
    .getForm()
    .createTextField('claimant.name')
    .addToPage(document.getPage(0), { x: 72, y: 600, width: 200, height: 20 });
};

/** Text drawn in Helvetica, one of the standard 14 fonts, which pdf-lib does not embed. */
export const withStandardFont: Edit = async (document) => {
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.getPage(0).drawText('Complaint', { x: 72, y: 700, size: 12, font });
};

/** A TrueType font named in a page's resources but not carried in the file. */
export const withMissingTrueTypeFont: Edit = (document) => {
  const font = register(document, {
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: 'Garamond-Premier',
    FirstChar: 32,
    LastChar: 32,
    Widths: [250],
  });
  document.getPage(0).node.set(PDFName.of('Resources'), document.context.obj({ Font: { F1: font } }));
};

/** A comment (sticky note) on `pageIndex`, hidden from view when `isHidden`. */
export function withComment(pageIndex: number, isHidden = false): Edit {
  return (document) => {
    addAnnotation(document, pageIndex, {
      Subtype: 'Text',
      Rect: [400, 700, 420, 720],
      Contents: text('Do we really want to say this?'),
      ...(isHidden ? { F: PDFNumber.of(2) } : {}),
    });
  };
}

/** A Screen annotation (a video player) on page 1. */
export const withVideo: Edit = (document) => {
  addAnnotation(document, 0, { Subtype: 'Screen', Rect: [72, 400, 300, 600] });
};

/** Changes page sizes: `sizes[i]` is page i's [width, height] in points. */
export function withPageSizes(sizes: readonly (readonly [number, number])[]): Edit {
  return (document) => {
    sizes.forEach(([width, height], index) => document.getPage(index).setSize(width, height));
  };
}

/** Encrypts the document: `userPassword` empty makes an owner-password-only file that opens without a password. */
export function withEncryption(userPassword: string): Edit {
  return (document) => {
    document.encrypt({
      userPassword,
      ownerPassword: 'owner-secret',
      permissions: { printing: 'lowResolution', modifying: false, copying: false },
    });
  };
}

/**
 * Appends an incremental update by hand — a new Info object, a new cross-reference section and a trailer
 * whose /Prev points at the original one — the way an editor saves changes on top of a file.
 */
export function appendIncrementalUpdate(original: Uint8Array): Uint8Array {
  const source = Buffer.from(original).toString('latin1');
  const previous = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(source)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(source.slice(previous))?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(source.slice(previous))?.[1];
  const objectOffset = original.byteLength + 1;
  const body = `\n${size} 0 obj\n<< /Title (Revised draft) >>\nendobj\n`;
  const xrefOffset = original.byteLength + body.length;
  const update =
    `${body}xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${previous} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(original), Buffer.from(update, 'latin1')]);
}

/** The same bytes with the last `startxref` pointing `by` bytes past where the cross-reference table is. */
export function misplaceStartxref(original: Uint8Array, by: number): Uint8Array {
  const source = Buffer.from(original).toString('latin1');
  return Buffer.from(
    source.replace(
      /startxref\s+(\d+)(\s+%%EOF\s*)$/,
      (_match, offset: string, tail: string) => `startxref\n${Number(offset) + by}${tail}`,
    ),
    'latin1',
  );
}
