import { describe, expect, it } from 'vitest';
import {
  ContentLexer,
  endOfContent,
  OperandKind,
  operatorCode,
} from '../../../src-main/core/preflight/content/tokenize-content';

function lex(source: string | Uint8Array): ContentLexer {
  return new ContentLexer(typeof source === 'string' ? new TextEncoder().encode(source) : source);
}

function text(bytes: Uint8Array | null): string {
  return bytes ? String.fromCharCode(...bytes) : '<none>';
}

describe('the content-stream lexer', () => {
  it('reads integers, reals, signs and leading dots as numbers before their operator', () => {
    const lexer = lex('1 -2.5 +3 .5 -.25 cm');
    expect(lexer.nextOperator()).toBe(operatorCode('cm'));
    expect(Array.from({ length: lexer.count }, (_, index) => lexer.numberAt(index))).toEqual([1, -2.5, 3, 0.5, -0.25]);
  });

  it('resolves #xx escapes in names', () => {
    const lexer = lex('/A#20B gs');
    lexer.nextOperator();
    expect(lexer.nameAt(0)).toBe('A B');
  });

  it('decodes literal strings with nested parentheses, escapes and octal codes', () => {
    const lexer = lex(String.raw`(a (nested) \(x\) \101\102 tab\tend) Tj`);
    expect(lexer.nextOperator()).toBe(operatorCode('Tj'));
    expect(text(lexer.stringAt(0))).toBe('a (nested) (x) AB tab\tend');
  });

  it('decodes hex strings, ignoring spaces and padding an odd last digit', () => {
    const lexer = lex('<48 65 6C6C 6F7> Tj');
    lexer.nextOperator();
    expect(text(lexer.stringAt(0))).toBe('Hello\u0070');
  });

  it('flattens TJ arrays into markers with their strings and numbers between', () => {
    const lexer = lex('[(A) -120 (B)] TJ');
    expect(lexer.nextOperator()).toBe(operatorCode('TJ'));
    expect(Array.from(lexer.kinds.subarray(0, lexer.count))).toEqual([
      OperandKind.arrayOpen,
      OperandKind.literalString,
      OperandKind.number,
      OperandKind.literalString,
      OperandKind.arrayClose,
    ]);
  });

  it('keeps dictionaries and comments from being read as operators', () => {
    const lexer = lex('/Span << /ActualText (x) >> BDC % a comment re f\nEMC');
    expect(lexer.nextOperator()).toBe(operatorCode('BDC'));
    expect(lexer.nextOperator()).toBe(operatorCode('EMC'));
    expect(lexer.nextOperator()).toBe(endOfContent);
  });

  it('skips inline image data even when the binary holds bytes that look like operators', () => {
    const head = new TextEncoder().encode('BI /W 2 /H 2 /BPC 8 /CS /G ID ');
    const data = new Uint8Array([0x45, 0x49, 0xff, 0x20, 0x45, 0x49, 0x00]);
    const tail = new TextEncoder().encode(' EI 1 0 0 1 0 0 cm');
    const lexer = lex(new Uint8Array([...head, ...data, ...tail]));
    expect(lexer.nextOperator()).toBe(operatorCode('BI'));
    expect(lexer.nextOperator()).toBe(operatorCode('ID'));
    lexer.skipInlineImageData();
    expect(lexer.nextOperator()).toBe(operatorCode('cm'));
    expect(lexer.count).toBe(6);
  });
});
