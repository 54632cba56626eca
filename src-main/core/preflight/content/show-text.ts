import type { ContentSink, TextRun } from './content-sink';
import { fontTextDecoder, glyphWidth, unknownFont } from './font-metrics';
import { transformBox, transformBoxInto } from './geometry';
import type { Box, Matrix } from './geometry';
import type { GraphicsState } from './graphics-state';
import { OperandKind } from './tokenize-content';
import type { ContentLexer } from './tokenize-content';

/**
 * The text matrix and text line matrix of the current text object (ISO 32000-1 §9.4.2), as numbers rather than
 * arrays: they change for every string shown, and a new array each time is most of the page pass's garbage. The two
 * matrices always share their first four numbers (only Tm sets them, for both), so the line matrix keeps only its
 * offset (`lineE`, `lineF`).
 */
export class TextCursor {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  lineE = 0;
  lineF = 0;

  /** BT: both matrices start at the identity. */
  begin(): void {
    this.setMatrix(1, 0, 0, 1, 0, 0);
  }

  /** Td: start the next line offset from the start of this one. */
  moveLine(x: number, y: number): void {
    const e = x * this.a + y * this.c + this.lineE;
    const f = x * this.b + y * this.d + this.lineF;
    this.lineE = e;
    this.lineF = f;
    this.e = e;
    this.f = f;
  }

  /** Tm: set both matrices outright. */
  setMatrix(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    this.e = e;
    this.f = f;
    this.lineE = e;
    this.lineF = f;
  }

  /** Moves along the baseline after glyphs are shown (text space x). */
  advance(x: number): void {
    this.e += x * this.a;
    this.f += x * this.b;
  }

  /** A copy, for a form XObject that must leave the text state as it found it. */
  copy(): TextCursor {
    const copy = new TextCursor();
    copy.restore(this);
    return copy;
  }

  /** Takes every number of `saved`. */
  restore(saved: TextCursor): void {
    this.setMatrix(saved.a, saved.b, saved.c, saved.d, saved.e, saved.f);
    this.lineE = saved.lineE;
    this.lineF = saved.lineF;
  }
}

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

/** The one run record handed to sinks, filled afresh for each run (content-sink.ts: a sink that keeps a run copies it). */
const runBox: Writable<Box> = { x0: 0, y0: 0, x1: 0, y1: 0 };
const run: Writable<TextRun> = {
  box: runBox,
  colour: 0,
  renderMode: 0,
  seq: 0,
  clip: null,
  glyphCount: 0,
  glyphsSpan: 'neither',
};

/**
 * Shows the strings among operands `from`…`to` (a Tj string, or a TJ array's strings and kerning numbers,
 * §9.4.3–9.4.4): reports the run's extent, and each glyph with its text when the sink asks for glyphs,
 * then moves the text matrix past them. Returns false when nothing was shown (empty strings).
 */
export function showText(
  lexer: ContentLexer,
  from: number,
  to: number,
  state: GraphicsState,
  cursor: TextCursor,
  seq: number,
  sink: ContentSink,
): boolean {
  const font = state.font ?? unknownFont;
  const size = state.fontSize;
  const scale = state.horizontalScale;
  // Text space to page space: the text matrix, then the CTM (§9.4.4), multiplied out by hand for the reason above.
  const ctm = state.ctm;
  const a = cursor.a * ctm[0] + cursor.b * ctm[2];
  const b = cursor.a * ctm[1] + cursor.b * ctm[3];
  const c = cursor.c * ctm[0] + cursor.d * ctm[2];
  const d = cursor.c * ctm[1] + cursor.d * ctm[3];
  const e = cursor.e * ctm[0] + cursor.f * ctm[2] + ctm[4];
  const f = cursor.e * ctm[1] + cursor.f * ctm[3] + ctm[5];
  const bottom = state.rise + font.descent * size;
  const top = state.rise + font.ascent * size;
  const toPage: Matrix | null = sink.glyph ? [a, b, c, d, e, f] : null;
  const decode = sink.glyph ? fontTextDecoder(font) : undefined;
  let x = 0;
  let lowest = 0;
  let highest = 0;
  let codes = 0;
  for (let index = from; index < to; index += 1) {
    const kind = lexer.kinds[index];
    if (kind === OperandKind.number) {
      x -= (lexer.numbers[index]! / 1000) * size * scale;
    } else {
      if (!lexer.readString(index)) {
        continue;
      }
      const bytes = lexer.stringBytes;
      const end = lexer.stringEnd;
      const step = font.isTwoByte ? 2 : 1;
      for (let offset = lexer.stringStart; offset + step <= end; offset += step) {
        const code = step === 2 ? (bytes[offset]! << 8) | bytes[offset + 1]! : bytes[offset]!;
        const width = glyphWidth(font, code) * size;
        if (sink.glyph && toPage) {
          const box = transformBox(toPage, x, bottom, x + width * scale, top);
          const text = decode ? decode(code) : '\uFFFD';
          sink.glyph({ box, text, colour: state.fillColour, renderMode: state.renderMode, seq, clip: state.clip });
        }
        x += (width + state.charSpacing + (code === 32 && step === 1 ? state.wordSpacing : 0)) * scale;
        codes += 1;
      }
    }
    if (x < lowest) {
      lowest = x;
    }
    if (x > highest) {
      highest = x;
    }
  }
  cursor.advance(x);
  if (codes === 0) {
    return false;
  }
  transformBoxInto(runBox, a, b, c, d, e, f, lowest, bottom, highest, top);
  run.colour = state.fillColour;
  run.renderMode = state.renderMode;
  run.seq = seq;
  run.clip = state.clip;
  run.glyphCount = codes;
  run.glyphsSpan = b === 0 && c === 0 ? 'height' : a === 0 && d === 0 ? 'width' : 'neither';
  sink.textRun(run);
  return true;
}
