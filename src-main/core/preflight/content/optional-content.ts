import { PDFArray, PDFDict, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFObject, PDFPage } from '@cantoo/pdf-lib';
import { ContentLexer, endOfContent, operatorCode } from './tokenize-content';
import { identityMatrix, multiplyMatrices, transformBox } from './geometry';
import type { Box, Matrix } from './geometry';
import { lookupDict, lookupName, readNumbers, readPageResources } from './lenient-lookups';
import { nameFor } from '../pdf-names';
import { readFormBytes, readPageBytes } from './stream-bytes';
import { operators } from './content-operators';

/** Forms nested deeper than this are damage or a loop through different objects, as in the interpreter. */
const deepestForm = 24;

const markedContent = {
  beginWithProperties: operatorCode('BDC'),
  begin: operatorCode('BMC'),
  end: operatorCode('EMC'),
};

const names = {
  oc: PDFName.of('OC'),
  ocgs: PDFName.of('OCGs'),
  properties: PDFName.of('Properties'),
  xObject: PDFName.of('XObject'),
  subtype: PDFName.of('Subtype'),
  type: PDFName.of('Type'),
  resources: PDFName.of('Resources'),
  matrix: PDFName.of('Matrix'),
  bBox: PDFName.of('BBox'),
};

/** Where a page uses the document's layers: which layers, and the boxes of the images and forms placed on one. */
export interface OptionalContentUse {
  readonly layers: ReadonlySet<PDFDict>;
  /** Images and forms drawn on a layer, in page space; text and paths inside a marked section have no box here. */
  readonly boxes: readonly Box[];
}

/**
 * The layers (optional content groups, ISO 32000-1 §8.11) in `known` that `target` switches: an OCG itself, or
 * an optional content membership dictionary (OCMD) through its /OCGs. Anything else switches none of them.
 */
export function layersOf(target: PDFObject | undefined, known: ReadonlySet<PDFDict>): PDFDict[] {
  const dict = target instanceof PDFDict ? target : undefined;
  if (dict === undefined) {
    return [];
  }
  if (known.has(dict)) {
    return [dict];
  }
  if (lookupName(dict, names.type) !== 'OCMD') {
    return [];
  }
  const members = dict.lookup(names.ocgs);
  if (members instanceof PDFDict) {
    return known.has(members) ? [members] : [];
  }
  if (!(members instanceof PDFArray)) {
    return [];
  }
  const found: PDFDict[] = [];
  for (let index = 0; index < members.size(); index += 1) {
    const member = members.lookup(index);
    if (member instanceof PDFDict && known.has(member)) {
      found.push(member);
    }
  }
  return found;
}

/**
 * Reads a page's content (and the forms it draws) for the layers it uses: `/OC /name BDC … EMC` sections, whose
 * name the resources' /Properties map to a layer (§8.11.3.2), and images or forms whose own dictionary carries
 * /OC (§8.11.3.3). Only the operators that move the placement of an image or form are followed, so this costs
 * one lexing pass. A page whose content cannot be read reports no use.
 */
export function readOptionalContentUse(page: PDFPage, known: ReadonlySet<PDFDict>): OptionalContentUse {
  const scan = new OptionalContentScan(known);
  try {
    scan.run(readPageBytes(page), readPageResources(page), identityMatrix, false, 0);
  } catch {
    return { layers: new Set(), boxes: [] };
  }
  return { layers: scan.layers, boxes: scan.boxes };
}

class OptionalContentScan {
  readonly layers = new Set<PDFDict>();
  readonly boxes: Box[] = [];
  private readonly activeForms = new Set<PDFRawStream>();

  constructor(private readonly known: ReadonlySet<PDFDict>) {}

  /** `isOnLayer`: this stream is itself drawn on a layer, so what it places already lies inside a reported box. */
  run(bytes: Uint8Array, resources: PDFDict | undefined, startMatrix: Matrix, isOnLayer: boolean, depth: number): void {
    const lexer = new ContentLexer(bytes);
    const savedMatrices: Matrix[] = [];
    let ctm = startMatrix;
    // One entry per open marked-content section: whether it switches a layer, so EMC knows what it closes.
    const sections: boolean[] = [];
    let layeredSections = 0;
    for (let code = lexer.nextOperator(); code !== endOfContent; code = lexer.nextOperator()) {
      const count = lexer.count;
      switch (code) {
        case operators.save:
          savedMatrices.push(ctm);
          break;
        case operators.restore:
          ctm = savedMatrices.pop() ?? ctm;
          break;
        case operators.concat:
          if (lexer.hasNumbers(6)) {
            const at = lexer.numberFromEnd;
            ctm = multiplyMatrices([at(6), at(5), at(4), at(3), at(2), at(1)], ctm);
          }
          break;
        case markedContent.beginWithProperties: {
          const isOptional = count >= 2 && lexer.nameAt(count - 2) === 'OC';
          const name = isOptional ? lexer.nameAt(count - 1) : null;
          const layers =
            name === null ? [] : layersOf(lookupDict(resources, names.properties)?.lookup(nameFor(name)), this.known);
          for (const layer of layers) {
            this.layers.add(layer);
          }
          sections.push(layers.length > 0);
          if (layers.length > 0) {
            layeredSections += 1;
          }
          break;
        }
        case markedContent.begin:
          sections.push(false);
          break;
        case markedContent.end:
          if (sections.pop() === true) {
            layeredSections -= 1;
          }
          break;
        case operators.xObject:
          this.placeXObject(
            lexer.nameAt(count - 1),
            resources,
            ctm,
            isOnLayer || layeredSections > 0,
            isOnLayer,
            depth,
          );
          break;
        case operators.inlineImageData:
          lexer.skipInlineImageData();
          break;
        default:
          break;
      }
    }
  }

  private placeXObject(
    name: string | null,
    resources: PDFDict | undefined,
    ctm: Matrix,
    isInSection: boolean,
    isOnLayer: boolean,
    depth: number,
  ): void {
    const xObject = name === null ? undefined : lookupDict(resources, names.xObject)?.lookup(nameFor(name));
    if (!(xObject instanceof PDFRawStream)) {
      return;
    }
    const ownLayers = layersOf(xObject.dict.lookup(names.oc), this.known);
    for (const layer of ownLayers) {
      this.layers.add(layer);
    }
    const isLayered = isInSection || ownLayers.length > 0;
    const subtype = lookupName(xObject.dict, names.subtype);
    if (subtype === 'Image') {
      // An image fills the unit square of its placement (§8.9.4).
      if (isLayered && !isOnLayer) {
        this.boxes.push(transformBox(ctm, 0, 0, 1, 1));
      }
      return;
    }
    if (subtype !== 'Form' || depth >= deepestForm || this.activeForms.has(xObject)) {
      return;
    }
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = readNumbers(xObject.dict.lookup(names.matrix)) ?? [];
    const formMatrix = multiplyMatrices([a, b, c, d, e, f], ctm);
    const [x0, y0, x1, y1] = readNumbers(xObject.dict.lookup(names.bBox)) ?? [];
    if (isLayered && !isOnLayer && x0 !== undefined && y0 !== undefined && x1 !== undefined && y1 !== undefined) {
      this.boxes.push(transformBox(formMatrix, Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)));
    }
    this.activeForms.add(xObject);
    this.run(
      readFormBytes(xObject),
      lookupDict(xObject.dict, names.resources) ?? resources,
      formMatrix,
      isOnLayer || isLayered,
      depth + 1,
    );
    this.activeForms.delete(xObject);
  }
}
