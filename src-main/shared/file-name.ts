import { z } from 'zod';

/**
 * Invisible characters a paralegal would meet in a disguised name, by their Unicode names in plain words.
 * Any other character of the refused kinds is described by its kind alone.
 */
const namedCharacters: Readonly<Record<number, string>> = {
  0x00ad: 'a soft hyphen',
  0x061c: 'an Arabic letter mark (it changes the text direction)',
  0x200b: 'a zero-width space',
  0x200c: 'a zero-width non-joiner',
  0x200d: 'a zero-width joiner',
  0x200e: 'a left-to-right mark',
  0x200f: 'a right-to-left mark',
  0x202a: 'a left-to-right embedding',
  0x202b: 'a right-to-left embedding',
  0x202c: 'a pop directional formatting character',
  0x202d: 'a left-to-right override',
  0x202e: 'a right-to-left override',
  0x2028: 'a line separator',
  0x2029: 'a paragraph separator',
  0x2060: 'a word joiner',
  0x2066: 'a left-to-right isolate',
  0x2067: 'a right-to-left isolate',
  0x2068: 'a first strong isolate',
  0x2069: 'a pop directional isolate',
  0xfeff: 'a zero-width no-break space',
  0x7f: 'a delete character',
};

// Unicode general categories (UAX #44): Cc controls (C0, DEL, C1), Cf format characters (bidi marks, embeddings,
// overrides and isolates, zero-width characters, soft hyphen, tags), Zl/Zp line and paragraph separators,
// Cs a half of a surrogate pair that has no other half.
const controlCharacter = /\p{Cc}/u;
const formatCharacter = /\p{Cf}/u;
const lineBreakCharacter = /[\p{Zl}\p{Zp}]/u;
const loneSurrogate = /\p{Cs}/u;

/** `U+202E`, as character tables print it. */
function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a refused character is, in words; null for a character a name may hold. */
function describeCharacter(character: string): string | null {
  if (character === '/' || character === '\\') {
    return `a folder separator (${character})`;
  }
  const named = namedCharacters[character.codePointAt(0) ?? 0];
  if (named) {
    return `${named} (${codePoint(character)})`;
  }
  if (controlCharacter.test(character)) {
    return `a control character (${codePoint(character)})`;
  }
  if (formatCharacter.test(character)) {
    return `an invisible formatting character (${codePoint(character)})`;
  }
  if (lineBreakCharacter.test(character)) {
    return `a line break (${codePoint(character)})`;
  }
  if (loneSurrogate.test(character)) {
    return `a broken character (${codePoint(character)})`;
  }
  return null;
}

/**
 * What is wrong with a file name from outside (an upload, the file dialog, a draft package), or null when it can be
 * kept: "contains a right-to-left override (U+202E), which can hide what the name really says". Refused: folders,
 * and every character that can break a name or make it read as something else — controls (C0, DEL, C1), invisible
 * formatting characters (bidi marks, embeddings, overrides and isolates, zero-width characters), line and paragraph
 * separators, and broken UTF-16. `Motion\u202Efdp.exe` shows as `Motionexe.pdf`. The answer never repeats the
 * name: it would disguise the message too (`showFileNameSafely` prints it).
 */
export function findFileNameProblem(name: string): string | null {
  for (const character of name) {
    const described = describeCharacter(character);
    if (described === null) {
      continue;
    }
    const isFolder = character === '/' || character === '\\';
    return `contains ${described}, ${isFolder ? 'and a file name may not name folders' : 'which can hide what the name really says'}`;
  }
  return null;
}

/** The name with each refused character replaced by its code point in brackets, safe to show in a message. */
export function showFileNameSafely(name: string): string {
  return [...name]
    .map((character) =>
      character !== '/' && character !== '\\' && describeCharacter(character) !== null
        ? `[${codePoint(character)}]`
        : character,
    )
    .join('');
}

/** A file's name as the user sees it: 1 to 255 characters, no folders, nothing that can disguise or break it. */
export const fileName = z
  .string()
  .min(1)
  .max(255)
  .superRefine((name, context) => {
    const problem = findFileNameProblem(name);
    if (problem !== null) {
      context.addIssue({
        code: 'custom',
        message: `the file name ${problem}; rename the file without it, then try again`,
      });
    }
  });
