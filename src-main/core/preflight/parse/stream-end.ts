const streamKeyword = [0x73, 0x74, 0x72, 0x65, 0x61, 0x6d];
/** `endstream`, which must follow the bytes a stream's /Length counts. */
export const endstreamKeyword = [0x65, 0x6e, 0x64, ...streamKeyword];
/** The forms of `stream` pdf-lib tries, in its order: with each end of line first, then the bare keyword. */
export const streamKeywords = [
  [...streamKeyword, 0x20, 0x0d, 0x0a],
  [...streamKeyword, 0x0d, 0x0a],
  [...streamKeyword, 0x0d],
  [...streamKeyword, 0x0a],
  streamKeyword,
];
const endstreamForms = [
  [0x0d, 0x0a, ...endstreamKeyword],
  [0x0d, ...endstreamKeyword],
  [0x0a, ...endstreamKeyword],
  endstreamKeyword,
];

/**
 * Where a stream without a usable /Length ends, found as pdf-lib finds it: the first `endstream` (with the
 * end of line before it) that is not matched by a nested `stream` keyword. Null when there is none.
 */
export function findStreamEnd(bytes: Uint8Array, from: number): { end: number; after: number } | null {
  let nesting = 1;
  let at = from;
  while (at < bytes.length) {
    const byte = bytes[at];
    // Only these bytes can start `stream` or a form of `endstream`; skipping the rest keeps the scan quick.
    if (byte !== 0x73 && byte !== 0x65 && byte !== 0x0d && byte !== 0x0a) {
      at += 1;
      continue;
    }
    if (matchesAt(bytes, at, streamKeyword)) {
      nesting += 1;
      at += streamKeyword.length;
      continue;
    }
    const form = endstreamForms.find((candidate) => matchesAt(bytes, at, candidate));
    if (form === undefined) {
      at += 1;
      continue;
    }
    nesting -= 1;
    if (nesting === 0) {
      return { end: at, after: at + form.length };
    }
    at += form.length;
  }
  return null;
}

function matchesAt(bytes: Uint8Array, at: number, keyword: readonly number[]): boolean {
  for (let index = 0; index < keyword.length; index += 1) {
    if (bytes[at + index] !== keyword[index]) {
      return false;
    }
  }
  return true;
}
