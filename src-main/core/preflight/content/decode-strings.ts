/** Decoding of the two string syntaxes of PDF (ISO 32000-1 §7.3.4), from byte spans the lexer found. */

const escapes: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };

/** Resolves a literal string's backslash escapes (§7.3.4.2). */
export function unescapeLiteral(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  return out.subarray(0, unescapeLiteralInto(bytes, start, end, out));
}

/** `unescapeLiteral` into `out` (at least `end - start` long, as escapes only shrink); returns the decoded length. */
export function unescapeLiteralInto(bytes: Uint8Array, start: number, end: number, out: Uint8Array): number {
  let length = 0;
  for (let position = start; position < end; position += 1) {
    const byte = bytes[position]!;
    if (byte !== 92) {
      out[length++] = byte;
      continue;
    }
    position += 1;
    const next = bytes[position]!;
    if (next >= 48 && next <= 55) {
      let value = next - 48;
      for (
        let digits = 1;
        digits < 3 && position + 1 < end && bytes[position + 1]! >= 48 && bytes[position + 1]! <= 55;
        digits += 1
      ) {
        position += 1;
        value = value * 8 + (bytes[position]! - 48);
      }
      out[length++] = value & 255;
    } else if (next === 13) {
      // A backslash before an end of line continues the string on the next line.
      if (bytes[position + 1] === 10) {
        position += 1;
      }
    } else if (next !== 10) {
      out[length++] = escapes[next] ?? next;
    }
  }
  return length;
}

/** Decodes a hexadecimal string, ignoring white-space and padding an odd final digit with 0 (§7.3.4.3). */
export function decodeHex(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const out = new Uint8Array((end - start + 1) >> 1);
  return out.subarray(0, decodeHexInto(bytes, start, end, out));
}

/** `decodeHex` into `out` (at least half of `end - start`, rounded up); returns the decoded length. */
export function decodeHexInto(bytes: Uint8Array, start: number, end: number, out: Uint8Array): number {
  let length = 0;
  let high = -1;
  for (let position = start; position < end; position += 1) {
    const digit = hexValue(bytes[position]!);
    if (digit < 0) {
      continue;
    }
    if (high < 0) {
      high = digit;
    } else {
      out[length++] = (high << 4) | digit;
      high = -1;
    }
  }
  if (high >= 0) {
    out[length++] = high << 4;
  }
  return length;
}

function hexValue(byte: number): number {
  if (byte >= 48 && byte <= 57) {
    return byte - 48;
  }
  if (byte >= 65 && byte <= 70) {
    return byte - 55;
  }
  if (byte >= 97 && byte <= 102) {
    return byte - 87;
  }
  return -1;
}
