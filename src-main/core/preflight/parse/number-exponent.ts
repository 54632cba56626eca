/** Beyond this an exponent makes any number 0 or infinite; capping it keeps a run of exponent digits from overflowing. */
const largestExponent = 400;

/** An exponent read after a number's digits: its value, and where its text ends (where it starts when there is none). */
export interface Exponent {
  readonly value: number;
  readonly end: number;
}

/**
 * The exponent after a number (`1e0`, `2.5E-3`), read as pdf.js reads one: `e` or `E` followed by a sign or a
 * digit. PDF does not allow exponents (ISO 32000-1 §7.3.3), but pdf.js reads them as numbers and qpdf and poppler
 * skip the token, so every viewer still shows the object that holds one, while pdf-lib drops the whole object: a
 * page whose dictionary held `/UserUnit 1e0` vanished from the page list that way, and its text went unchecked.
 */
export function readExponent(byteAt: (at: number) => number | undefined, at: number): Exponent {
  const marker = byteAt(at);
  if (marker !== 0x65 && marker !== 0x45) {
    return { value: 0, end: at };
  }
  let end = at + 1;
  let sign = 1;
  const afterMarker = byteAt(end) ?? -1;
  if (afterMarker === 0x2b || afterMarker === 0x2d) {
    sign = afterMarker === 0x2d ? -1 : 1;
    end += 1;
  } else if (afterMarker < 0x30 || afterMarker > 0x39) {
    return { value: 0, end: at };
  }
  let value = 0;
  for (let digit = (byteAt(end) ?? -1) - 0x30; digit >= 0 && digit <= 9; digit = (byteAt(end) ?? -1) - 0x30) {
    value = Math.min(value * 10 + digit, largestExponent);
    end += 1;
  }
  return { value: sign * value, end };
}
