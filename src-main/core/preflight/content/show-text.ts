import type { ContentSink } from './content-sink';
import { fontTextDecoder, glyphWidth, unknownFont } from './font-metrics';
import { identityMatrix, multiplyMatrices, transformBox } from './geometry';
import type { Matrix } from './geometry';
import type { GraphicsState } from './graphics-state';
import { OperandKind } from './tokenize-content';
import type { ContentLexer } from './tokenize-content';

/** The text matrix and text line matrix of the current text object (ISO 32000-1 §9.4.2). */
export class TextCursor {
  matrix: Matrix = identityMatrix;
  lineMatrix: Matrix = identityMatrix;

  /** BT: both matrices start at the identity. */
  begin(): void {
    this.matrix = identityMatrix;
    this.lineMatrix = identityMatrix;
  }

  /** Td: start the next line offset from the start of this one. */
  moveLine(x: number, y: number): void {
    const line = this.lineMatrix;
    this.lineMatrix = [
      line[0],
      line[1],
      line[2],
      line[3],
      x * line[0] + y * line[2] + line[4],
      x * line[1] + y * line[3] + line[5],
    ];
    this.matrix = this.lineMatrix;
  }

  /** Tm: set both matrices outright. */
  setMatrix(matrix: Matrix): void {
    this.matrix = matrix;
    this.lineMatrix = matrix;
  }

  /** Moves along the baseline after glyphs are shown (text space x). */
  advance(x: number): void {
    const matrix = this.matrix;
    this.matrix = [matrix[0], matrix[1], matrix[2], matrix[3], x * matrix[0] + matrix[4], x * matrix[1] + matrix[5]];
  }
}

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
  const toPage = multiplyMatrices(cursor.matrix, state.ctm);
  const bottom = state.rise + font.descent * size;
  const top = state.rise + font.ascent * size;
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
        if (sink.glyph) {
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
  sink.textRun({
    box: transformBox(toPage, lowest, bottom, highest, top),
    colour: state.fillColour,
    renderMode: state.renderMode,
    seq,
    clip: state.clip,
    glyphCount: codes,
    glyphsSpan:
      toPage[1] === 0 && toPage[2] === 0 ? 'height' : toPage[0] === 0 && toPage[3] === 0 ? 'width' : 'neither',
  });
  return true;
}
