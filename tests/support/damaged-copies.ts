import type { SeededRandom } from './seeded-random';

/**
 * Damaged copies of a PDF, the way files get damaged on their way to a filer: cut off while saving or downloading,
 * bytes flipped on a bad disk, a chunk of the same or another file written into the middle, and numbers changed
 * (object numbers, stream lengths, cross-reference offsets) by a tool that edited the file carelessly. Every kind
 * draws only from the random source it is given, so a fixed seed gives the same copies on every machine.
 */

/** The kinds of damage, as the test counts them. */
export const damageKinds = ['truncate', 'flip', 'splice', 'number'] as const;
/** One kind of damage. */
export type DamageKind = (typeof damageKinds)[number];

/** One damaged copy: what was done to which file, and the resulting bytes. */
export interface DamagedCopy {
  readonly source: string;
  readonly kind: DamageKind;
  /** What was changed where, to replay or read a failure. */
  readonly detail: string;
  readonly bytes: Uint8Array;
}

/** The file cut off somewhere after its header (a download that stopped, a disk that filled while saving). */
function truncate(bytes: Uint8Array, random: SeededRandom): Omit<DamagedCopy, 'source' | 'kind'> {
  const at = random.int(Math.min(16, bytes.length), Math.max(16, bytes.length - 1));
  return { detail: `cut at ${at} of ${bytes.length}`, bytes: bytes.slice(0, at) };
}

/** A few bytes changed in place, each to some other value. */
function flip(bytes: Uint8Array, random: SeededRandom): Omit<DamagedCopy, 'source' | 'kind'> {
  const copy = bytes.slice();
  const places: number[] = [];
  for (let count = random.int(1, 8); count > 0; count -= 1) {
    const at = random.int(0, copy.length - 1);
    copy[at] = (copy[at]! ^ random.int(1, 255)) & 0xff;
    places.push(at);
  }
  return { detail: `bytes changed at ${places.join(', ')}`, bytes: copy };
}

/** A chunk of `donor` (the same file or another) written into the file, either inserted or over what was there. */
function splice(bytes: Uint8Array, donor: Uint8Array, random: SeededRandom): Omit<DamagedCopy, 'source' | 'kind'> {
  const length = Math.min(donor.length, random.int(8, 600));
  const from = random.int(0, donor.length - length);
  const at = random.int(0, bytes.length);
  const chunk = donor.subarray(from, from + length);
  const isInserted = random.chance(0.6);
  const copy = isInserted
    ? new Uint8Array([...bytes.subarray(0, at), ...chunk, ...bytes.subarray(at)])
    : new Uint8Array([...bytes.subarray(0, at), ...chunk, ...bytes.subarray(Math.min(bytes.length, at + length))]);
  return {
    detail: `${length} bytes of the donor at ${from} ${isInserted ? 'inserted' : 'written over'} at ${at}`,
    bytes: copy,
  };
}

/** Where the numbers a reader navigates by sit: object headers, stream lengths, cross-reference entries, startxref. */
const numberPatterns = [
  /(\d+) \d+ obj/g,
  /\/Length (\d+)/g,
  /^(\d{10}) \d{5} [nf]/gm,
  /startxref\s+(\d+)/g,
  /\/(?:Count|Size|Prev|N|First) (\d+)/g,
  /(\d+) \d+ R/g,
];

/** One digit of a number the file navigates by changed to another digit (the number's width kept, so nothing shifts). */
function corruptNumber(bytes: Uint8Array, random: SeededRandom): Omit<DamagedCopy, 'source' | 'kind'> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const digits: number[] = [];
  for (const pattern of numberPatterns) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index + match[0].indexOf(match[1]!);
      for (let at = start; at < start + match[1]!.length; at += 1) {
        digits.push(at);
      }
    }
  }
  if (digits.length === 0) {
    return flip(bytes, random);
  }
  const copy = bytes.slice();
  const places: string[] = [];
  for (let count = random.int(1, 3); count > 0; count -= 1) {
    const at = random.pick(digits);
    const digit = copy[at]! - 0x30;
    const replacement = (digit + random.int(1, 9)) % 10;
    copy[at] = 0x30 + replacement;
    places.push(`${at}: ${digit}→${replacement}`);
  }
  return { detail: `digits changed at ${places.join(', ')}`, bytes: copy };
}

/** One damaged copy of `bytes` of the given kind; `donor` supplies spliced chunks. */
export function damageCopy(
  source: string,
  bytes: Uint8Array,
  kind: DamageKind,
  donor: Uint8Array,
  random: SeededRandom,
): DamagedCopy {
  const damaged =
    kind === 'truncate'
      ? truncate(bytes, random)
      : kind === 'flip'
        ? flip(bytes, random)
        : kind === 'splice'
          ? splice(bytes, donor, random)
          : corruptNumber(bytes, random);
  return { source, kind, ...damaged };
}

/** `count` damaged copies of the named files, the kinds in turn, each of a file drawn at random, spliced with a chunk of a file drawn at random. */
export function damagedCopies(
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  count: number,
  random: SeededRandom,
): DamagedCopy[] {
  const copies: DamagedCopy[] = [];
  for (let index = 0; index < count; index += 1) {
    const file = random.pick(files);
    const donor = random.chance(0.5) ? file : random.pick(files);
    copies.push(damageCopy(file.name, file.bytes, damageKinds[index % damageKinds.length]!, donor.bytes, random));
  }
  return copies;
}
