import { describe, expect, it } from 'vitest';
import { ContentLexer } from '../../../src-main/core/preflight/content/tokenize-content';

function lexOperands(source: string): ContentLexer {
  const lexer = new ContentLexer(new TextEncoder().encode(source));
  lexer.nextOperator();
  return lexer;
}

/** The bytes `readString` found, as text, or '<none>' when the slot held no string. */
function readText(lexer: ContentLexer, index: number): string {
  if (!lexer.readString(index)) {
    return '<none>';
  }
  return String.fromCharCode(...lexer.stringBytes.subarray(lexer.stringStart, lexer.stringEnd));
}

describe('reading a shown string without copying it', () => {
  it('gives the same bytes as stringAt for plain, escaped and hex strings', () => {
    const lexer = lexOperands(String.raw`[(plain) (esc\101\(\)) <48 69 7>] TJ`);
    for (const index of [1, 2, 3]) {
      expect(readText(lexer, index)).toBe(String.fromCharCode(...lexer.stringAt(index)!));
    }
    expect(readText(lexer, 2)).toBe('escA()');
    expect(readText(lexer, 3)).toBe('Hip');
  });

  it('leaves a plain literal where it lies in the content stream', () => {
    const lexer = lexOperands('(Hello) Tj');
    expect(lexer.readString(0)).toBe(true);
    expect(lexer.stringBytes).toBe(lexer.bytes);
    expect([lexer.stringStart, lexer.stringEnd]).toEqual([1, 6]);
  });

  it('decodes a string longer than its reusable buffer', () => {
    const long = 'x'.repeat(1000);
    const lexer = lexOperands(`<${Buffer.from(long).toString('hex')}> (${long}\\101) Tj`);
    expect(readText(lexer, 0)).toBe(long);
    expect(readText(lexer, 1)).toBe(`${long}A`);
  });

  it('says no for an operand that is not a string', () => {
    const lexer = lexOperands('/F1 12 Tf');
    expect(lexer.readString(0)).toBe(false);
    expect(lexer.readString(1)).toBe(false);
  });
});
