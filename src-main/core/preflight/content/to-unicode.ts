import { ContentLexer, endOfContent, OperandKind, operatorCode } from './tokenize-content';

const endBfChar = operatorCode('endbfchar');
const endBfRange = operatorCode('endbfrange');
/** No real font maps more codes than two bytes can hold; a larger range is damage. */
const largestRange = 0x10000;

/**
 * Reads a ToUnicode CMap (ISO 32000-1 §9.10.3): character code → text, from its bfchar and bfrange
 * sections. This is how the text under a box is recovered as the words a reader would copy out of it.
 */
export function parseToUnicode(bytes: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const lexer = new ContentLexer(bytes);
  for (let code = lexer.nextOperator(); code !== endOfContent; code = lexer.nextOperator()) {
    if (code === endBfChar) {
      readCharPairs(lexer, map);
    } else if (code === endBfRange) {
      readRanges(lexer, map);
    }
  }
  return map;
}

function readCharPairs(lexer: ContentLexer, map: Map<number, string>): void {
  for (let index = 0; index + 1 < lexer.count; index += 2) {
    const source = lexer.stringAt(index);
    const target = lexer.stringAt(index + 1);
    if (source && target) {
      map.set(bytesToCode(source), utf16ToText(target));
    }
  }
}

function readRanges(lexer: ContentLexer, map: Map<number, string>): void {
  let index = 0;
  while (index + 2 < lexer.count) {
    const low = lexer.stringAt(index);
    const high = lexer.stringAt(index + 1);
    index += 2;
    if (!low || !high) {
      return;
    }
    const first = bytesToCode(low);
    const last = Math.min(bytesToCode(high), first + largestRange);
    if (lexer.kinds[index] === OperandKind.arrayOpen) {
      index += 1;
      for (
        let code = first;
        index < lexer.count && lexer.kinds[index] !== OperandKind.arrayClose;
        index += 1, code += 1
      ) {
        const target = lexer.stringAt(index);
        if (target && code <= last) {
          map.set(code, utf16ToText(target));
        }
      }
      index += 1;
      continue;
    }
    const target = lexer.stringAt(index);
    index += 1;
    if (!target || target.length === 0) {
      continue;
    }
    const units = utf16Units(target);
    const lastUnit = units.length - 1;
    const base = units[lastUnit]!;
    for (let code = first; code <= last; code += 1) {
      units[lastUnit] = base + (code - first);
      map.set(code, String.fromCharCode(...units));
    }
  }
}

/** A code's bytes read big-endian, as CMaps write them. */
function bytesToCode(bytes: Uint8Array): number {
  let code = 0;
  for (const byte of bytes) {
    code = code * 256 + byte;
  }
  return code;
}

function utf16Units(bytes: Uint8Array): number[] {
  const units: number[] = [];
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    units.push((bytes[index]! << 8) | bytes[index + 1]!);
  }
  if (bytes.length % 2 === 1) {
    units.push(bytes[bytes.length - 1]!);
  }
  return units;
}

function utf16ToText(bytes: Uint8Array): string {
  return String.fromCharCode(...utf16Units(bytes));
}
