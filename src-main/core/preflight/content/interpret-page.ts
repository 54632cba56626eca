import { PDFDict, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFPage } from '@cantoo/pdf-lib';
import { colourKey, ColourSpace, initialColour, patternColour, resolveColourSpace } from './colour';
import type { ColourSpaceKind } from './colour';
import type { ContentSink } from './content-sink';
import { readFontMetrics } from './font-metrics';
import type { FontMetrics } from './font-metrics';
import { intersectBoxes, multiplyMatrices, transformBox } from './geometry';
import { GraphicsState } from './graphics-state';
import { PathBuilder } from './path-builder';
import { nameFor } from '../pdf-names';
import { lookupDict, lookupName, lookupNumber, readNumbers, readPageResources } from './lenient-lookups';
import { showText, TextCursor } from './show-text';
import { readFormBytes, readPageBytes } from './stream-bytes';
import { operators } from './content-operators';
import { ContentLexer, endOfContent, OperandKind } from './tokenize-content';

/** Forms nested deeper than this are damage or a loop through different objects; viewers give up too. */
const deepestForm = 24;

const names = {
  font: PDFName.of('Font'),
  xObject: PDFName.of('XObject'),
  extGState: PDFName.of('ExtGState'),
  subtype: PDFName.of('Subtype'),
  resources: PDFName.of('Resources'),
  matrix: PDFName.of('Matrix'),
  width: PDFName.of('Width'),
  height: PDFName.of('Height'),
  fillAlpha: PDFName.of('ca'),
  softMask: PDFName.of('SMask'),
  blendMode: PDFName.of('BM'),
  none: PDFName.of('None'),
};

/** Blend modes that paint a fill as it is (§11.3.5); any other mixes it with what lies beneath. */
const plainBlendModes = new Set(['Normal', 'Compatible']);

/**
 * Runs a page's content streams (ISO 32000-1 §8–9) and reports what they paint to `sink` in painting order:
 * filled rectangles with their colour and alpha, text runs (and glyphs, if the sink wants them) with their
 * colour and render mode, and images with their placement. Form XObjects are followed with their own
 * resources and matrix. Clipping is modelled as a box; a fill painted with a pattern, a shading (sh), a soft
 * mask or a blend mode is reported with the pattern colour key, a colour only a renderer can tell
 * (docs/court-rules.md#redaction-leaks).
 */
export function interpretPage(page: PDFPage, sink: ContentSink): void {
  const interpreter = new PageInterpreter(sink);
  interpreter.run(readPageBytes(page), readPageResources(page), 0);
}

/** Tf runs once per line or more; its font is looked up once per resource dictionary and name. */
const fontsByResources = new WeakMap<PDFDict, Map<string, FontMetrics | null>>();

function fontNamed(name: string, resources: PDFDict | undefined): FontMetrics | null {
  if (resources === undefined) {
    return null;
  }
  let fonts = fontsByResources.get(resources);
  if (fonts === undefined) {
    fonts = new Map();
    fontsByResources.set(resources, fonts);
  }
  let font = fonts.get(name);
  if (font === undefined) {
    const dict = lookupDict(resources, names.font)?.lookup(nameFor(name));
    font = dict instanceof PDFDict ? readFontMetrics(dict) : null;
    fonts.set(name, font);
  }
  return font;
}

class PageInterpreter {
  private state = new GraphicsState();
  private readonly saved: GraphicsState[] = [];
  private readonly path = new PathBuilder();
  private readonly cursor = new TextCursor();
  private readonly activeForms = new Set<PDFRawStream>();
  private seq = 0;
  private isClipPending = false;

  constructor(private readonly sink: ContentSink) {}

  run(bytes: Uint8Array, resources: PDFDict | undefined, depth: number): void {
    const lexer = new ContentLexer(bytes);
    for (let code = lexer.nextOperator(); code !== endOfContent; code = lexer.nextOperator()) {
      this.execute(code, lexer, resources, depth);
    }
    // A number no reader can hold is damage (court FAQ 49: CM/ECF rejects malformed files): the page reads as unreadable.
    if (lexer.outOfRangeIntegers > 0) {
      throw new Error('The content holds a number too large for any reader');
    }
  }

  private execute(code: number, lexer: ContentLexer, resources: PDFDict | undefined, depth: number): void {
    const state = this.state;
    const count = lexer.count;
    const at = lexer.numberFromEnd;
    switch (code) {
      case operators.save:
        this.saved.push(state.clone());
        return;
      case operators.restore:
        this.state = this.saved.pop() ?? state;
        return;
      case operators.concat:
        if (lexer.hasNumbers(6)) {
          state.ctm = multiplyMatrices([at(6), at(5), at(4), at(3), at(2), at(1)], state.ctm);
        }
        return;
      case operators.rectangle:
        if (lexer.hasNumbers(4)) {
          this.path.rectangle(state.ctm, at(4), at(3), at(2), at(1));
        }
        return;
      case operators.moveTo:
        if (lexer.hasNumbers(2)) {
          this.path.moveTo(state.ctm, at(2), at(1));
        }
        return;
      case operators.lineTo:
        if (lexer.hasNumbers(2)) {
          this.path.lineTo(state.ctm, at(2), at(1));
        }
        return;
      case operators.curveTo:
      case operators.curveToV:
      case operators.curveToY:
        this.path.curveTo(state.ctm, lexer.numbers, count);
        return;
      case operators.fill:
      case operators.fillObsolete:
      case operators.fillStroke:
      case operators.closeFillStroke:
        this.fillPath(false);
        return;
      case operators.fillEvenOdd:
      case operators.fillStrokeEvenOdd:
      case operators.closeFillStrokeEvenOdd:
        this.fillPath(true);
        return;
      case operators.shade:
        this.paintShading();
        return;
      case operators.stroke:
      case operators.closeStroke:
        this.seq += 1;
        this.applyPendingClip();
        this.path.clear();
        return;
      case operators.endPath:
        this.applyPendingClip();
        this.path.clear();
        return;
      case operators.clip:
      case operators.clipEvenOdd:
        // The clip takes effect when the path is painted or ended (§8.5.4).
        this.isClipPending = true;
        return;
      case operators.gray:
        this.setFill(ColourSpace.gray, lexer, 1);
        return;
      case operators.rgb:
        this.setFill(ColourSpace.rgb, lexer, 3);
        return;
      case operators.cmyk:
        this.setFill(ColourSpace.cmyk, lexer, 4);
        return;
      case operators.colourSpace: {
        const name = lexer.nameAt(count - 1);
        if (name === null) {
          return;
        }
        state.fillSpace = resolveColourSpace(name, resources);
        state.fillColour = initialColour(state.fillSpace);
        return;
      }
      case operators.colour:
      case operators.colourNamed:
        if (lexer.kinds[count - 1] === OperandKind.name) {
          state.fillColour = patternColour;
        } else {
          state.fillColour = colourKey(state.fillSpace, lexer.numbers, 0, count);
        }
        return;
      case operators.extGState:
        this.applyExtGState(lexer.nameAt(count - 1), resources);
        return;
      case operators.beginText:
        this.cursor.begin();
        return;
      case operators.font:
        this.setFont(lexer.nameAt(count - 2), at(1), resources);
        return;
      case operators.move:
        if (lexer.hasNumbers(2)) {
          this.cursor.moveLine(at(2), at(1));
        }
        return;
      case operators.moveLeading:
        if (!lexer.hasNumbers(2)) {
          return;
        }
        state.leading = -at(1);
        this.cursor.moveLine(at(2), at(1));
        return;
      case operators.textMatrix:
        if (lexer.hasNumbers(6)) {
          this.cursor.setMatrix(at(6), at(5), at(4), at(3), at(2), at(1));
        }
        return;
      case operators.nextLine:
        this.cursor.moveLine(0, -state.leading);
        return;
      case operators.charSpacing:
        state.charSpacing = at(1);
        return;
      case operators.wordSpacing:
        state.wordSpacing = at(1);
        return;
      case operators.horizontalScale:
        state.horizontalScale = at(1) / 100;
        return;
      case operators.leading:
        state.leading = at(1);
        return;
      case operators.rise:
        state.rise = at(1);
        return;
      case operators.renderMode:
        state.renderMode = at(1);
        return;
      case operators.show:
        this.show(lexer, count - 1, count);
        return;
      case operators.showArray:
        this.show(lexer, 0, count);
        return;
      case operators.nextLineShow:
        this.cursor.moveLine(0, -state.leading);
        this.show(lexer, count - 1, count);
        return;
      case operators.nextLineSpacedShow:
        state.wordSpacing = at(3);
        state.charSpacing = at(2);
        this.cursor.moveLine(0, -state.leading);
        this.show(lexer, count - 1, count);
        return;
      case operators.xObject:
        this.paintXObject(lexer.nameAt(count - 1), resources, depth);
        return;
      case operators.inlineImageData:
        this.paintInlineImage(lexer);
        return;
      default:
        return;
    }
  }

  private fillPath(isEvenOdd: boolean): void {
    this.seq += 1;
    this.applyPendingClip();
    const { fillAlpha, clip, isBlended } = this.state;
    const fillColour = isBlended ? patternColour : this.state.fillColour;
    const rects = this.path.takeFilledRects(isEvenOdd);
    const isOutline = this.path.wasOutline;
    for (const rect of rects) {
      const box = clip ? intersectBoxes(rect, clip) : rect;
      if (box) {
        this.sink.fillRect({
          box,
          colour: fillColour,
          alpha: fillAlpha,
          seq: this.seq,
          ...(isOutline ? { isOutline } : {}),
        });
      }
    }
  }

  /** `sh` paints a shading over the whole clipping region (§8.7.4.2); with no clip it is a page background, not a cover. */
  private paintShading(): void {
    this.seq += 1;
    this.applyPendingClip();
    this.path.clear();
    const { clip, fillAlpha } = this.state;
    if (clip) {
      this.sink.fillRect({ box: clip, colour: patternColour, alpha: fillAlpha, seq: this.seq });
    }
  }

  /** Clipping is modelled as a box: enough to know that a page-sized background clipped to a column covers only the column. */
  private applyPendingClip(): void {
    if (!this.isClipPending) {
      return;
    }
    this.isClipPending = false;
    const bounds = this.path.bounds() ?? { x0: 0, y0: 0, x1: 0, y1: 0 };
    const clip = this.state.clip;
    this.state.clip = clip ? (intersectBoxes(clip, bounds) ?? { x0: 0, y0: 0, x1: 0, y1: 0 }) : bounds;
  }

  private setFill(space: ColourSpaceKind, lexer: ContentLexer, components: number): void {
    if (!lexer.hasNumbers(components)) {
      return;
    }
    this.state.fillSpace = space;
    this.state.fillColour = colourKey(space, lexer.numbers, lexer.count - components, components);
  }

  private applyExtGState(name: string | null, resources: PDFDict | undefined): void {
    if (name === null) {
      return;
    }
    const parameters = lookupDict(lookupDict(resources, names.extGState), nameFor(name));
    this.state.fillAlpha = lookupNumber(parameters, names.fillAlpha, this.state.fillAlpha);
    const softMask = parameters?.lookup(names.softMask);
    const blendMode = lookupName(parameters, names.blendMode);
    if (softMask !== undefined) {
      this.state.hasSoftMask = softMask !== names.none;
    }
    if (blendMode !== undefined) {
      this.state.hasBlendMode = !plainBlendModes.has(blendMode);
    }
  }

  private setFont(name: string | null, size: number, resources: PDFDict | undefined): void {
    this.state.font = name === null ? null : fontNamed(name, resources);
    this.state.fontSize = size;
  }

  private show(lexer: ContentLexer, from: number, to: number): void {
    if (from < 0) {
      return;
    }
    this.seq += 1;
    showText(lexer, from, to, this.state, this.cursor, this.seq, this.sink);
  }

  private paintXObject(name: string | null, resources: PDFDict | undefined, depth: number): void {
    const xObject = name === null ? undefined : lookupDict(resources, names.xObject)?.lookup(nameFor(name));
    if (!(xObject instanceof PDFRawStream)) {
      return;
    }
    const subtype = lookupName(xObject.dict, names.subtype);
    if (subtype === 'Image') {
      const width = lookupNumber(xObject.dict, names.width, 0);
      const height = lookupNumber(xObject.dict, names.height, 0);
      this.paintImage(width, height, xObject);
    } else if (subtype === 'Form' && depth < deepestForm && !this.activeForms.has(xObject)) {
      this.paintForm(xObject, resources, depth);
    }
  }

  /** A form runs like a nested page with its own resources (falling back to the caller's, as old files expect, §7.8.3). */
  private paintForm(form: PDFRawStream, resources: PDFDict | undefined, depth: number): void {
    const savedDepth = this.saved.length;
    const savedText = this.cursor.copy();
    this.saved.push(this.state.clone());
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = readNumbers(form.dict.lookup(names.matrix)) ?? [];
    this.state.ctm = multiplyMatrices([a, b, c, d, e, f], this.state.ctm);
    this.path.clear();
    this.activeForms.add(form);
    this.run(readFormBytes(form), lookupDict(form.dict, names.resources) ?? resources, depth + 1);
    this.activeForms.delete(form);
    this.saved.length = savedDepth + 1;
    this.state = this.saved.pop() ?? this.state;
    this.cursor.restore(savedText);
  }

  /** BI … ID: the operands before ID are the image's dictionary (§8.9.7); W and H give its pixels. */
  private paintInlineImage(lexer: ContentLexer): void {
    let width = 0;
    let height = 0;
    for (let index = 0; index + 1 < lexer.count; index += 2) {
      const key = lexer.nameAt(index);
      if (key === 'W' || key === 'Width') {
        width = lexer.numberAt(index + 1);
      } else if (key === 'H' || key === 'Height') {
        height = lexer.numberAt(index + 1);
      }
    }
    lexer.skipInlineImageData();
    this.paintImage(width, height);
  }

  /** An image fills the unit square of the CTM (§8.9.4), so the CTM's axes give its placed size. */
  private paintImage(pixelWidth: number, pixelHeight: number, source?: PDFRawStream): void {
    this.seq += 1;
    const [a, b, c, d] = this.state.ctm;
    const inchesAcross = Math.hypot(a, b) / 72;
    const inchesDown = Math.hypot(c, d) / 72;
    const placed = transformBox(this.state.ctm, 0, 0, 1, 1);
    const clip = this.state.clip;
    this.sink.image({
      box: clip
        ? (intersectBoxes(placed, clip) ?? { x0: placed.x0, y0: placed.y0, x1: placed.x0, y1: placed.y0 })
        : placed,
      pixelWidth,
      pixelHeight,
      ppiAcross: inchesAcross > 0 ? pixelWidth / inchesAcross : Infinity,
      ppiDown: inchesDown > 0 ? pixelHeight / inchesDown : Infinity,
      seq: this.seq,
      fillColour: this.state.fillColour,
      ...(source ? { source } : {}),
    });
  }
}
