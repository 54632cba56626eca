/**
 * Reads and changes the structure of a compound file (MS-CFB) written by msgreader's own writer, so tests can damage
 * a valid .msg in exactly one place: a FAT link, a directory link, a size. It reads version 3 files (512-byte
 * sectors), which is what that writer makes; it trusts the file, so use it only on files built in the test.
 */
export interface CompoundFileLayout {
  readonly sectorSize: number;
  readonly fatSectors: readonly number[];
  readonly directorySectors: readonly number[];
  readonly miniFatSectors: readonly number[];
}

/** One directory entry: where it is, and its links (0xFFFFFFFF: none). */
export interface DirectoryEntry {
  readonly index: number;
  readonly offset: number;
  readonly name: string;
  /** 1 storage, 2 stream, 5 root. */
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

export const endOfChain = 0xfffffffe;
export const noLink = 0xffffffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function readUint32(bytes: Uint8Array, offset: number): number {
  return view(bytes).getUint32(offset, true);
}

export function writeUint32(bytes: Uint8Array, offset: number, value: number): void {
  view(bytes).setUint32(offset, value >>> 0, true);
}

/** Where sector `sector` starts. */
export function sectorOffset(layout: CompoundFileLayout, sector: number): number {
  return (sector + 1) * layout.sectorSize;
}

/** Where the FAT entry of `sector` (the number of the sector after it in its chain) is. */
export function fatEntryOffset(layout: CompoundFileLayout, sector: number): number {
  const perSector = layout.sectorSize / 4;
  return sectorOffset(layout, layout.fatSectors[Math.floor(sector / perSector)] ?? 0) + 4 * (sector % perSector);
}

/** Where the mini FAT entry of mini sector `sector` is. */
export function miniFatEntryOffset(layout: CompoundFileLayout, sector: number): number {
  const perSector = layout.sectorSize / 4;
  return sectorOffset(layout, layout.miniFatSectors[Math.floor(sector / perSector)] ?? 0) + 4 * (sector % perSector);
}

/** The chain of sectors that starts at `start`. */
function chainOf(bytes: Uint8Array, layout: CompoundFileLayout, start: number): number[] {
  const chain: number[] = [];
  for (
    let sector = start;
    sector !== endOfChain && chain.length < 100_000;
    sector = readUint32(bytes, fatEntryOffset(layout, sector))
  ) {
    chain.push(sector);
  }
  return chain;
}

export function readLayout(bytes: Uint8Array): CompoundFileLayout {
  const sectorSize = 2 ** view(bytes).getUint16(0x1e, true);
  const fatSectors = Array.from({ length: Math.min(readUint32(bytes, 0x2c), 109) }, (_, index) =>
    readUint32(bytes, 0x4c + 4 * index),
  );
  const partial = { sectorSize, fatSectors, directorySectors: [], miniFatSectors: [] };
  const miniFatSectorCount = readUint32(bytes, 0x40);
  return {
    ...partial,
    directorySectors: chainOf(bytes, partial, readUint32(bytes, 0x30)),
    miniFatSectors: miniFatSectorCount === 0 ? [] : chainOf(bytes, partial, readUint32(bytes, 0x3c)),
  };
}

/** Every entry of the directory, in order; unused slots included (type 0). */
export function directoryEntries(bytes: Uint8Array, layout: CompoundFileLayout): DirectoryEntry[] {
  const perSector = layout.sectorSize / 128;
  return layout.directorySectors.flatMap((sector, sectorIndex) =>
    Array.from({ length: perSector }, (_, slot) => {
      const offset = sectorOffset(layout, sector) + 128 * slot;
      const nameLength = view(bytes).getUint16(offset + 0x40, true);
      return {
        index: sectorIndex * perSector + slot,
        offset,
        name: Buffer.from(bytes.subarray(offset, offset + Math.max(0, nameLength - 2))).toString('utf16le'),
        type: bytes[offset + 0x42] ?? 0,
        left: readUint32(bytes, offset + 0x44),
        right: readUint32(bytes, offset + 0x48),
        child: readUint32(bytes, offset + 0x4c),
        start: readUint32(bytes, offset + 0x74),
        size: readUint32(bytes, offset + 0x78),
      };
    }),
  );
}

/** The entry named `name` (the first, if several are). */
export function entryNamed(bytes: Uint8Array, layout: CompoundFileLayout, name: string): DirectoryEntry {
  const entry = directoryEntries(bytes, layout).find((candidate) => candidate.name === name);
  if (!entry) {
    throw new Error(`no directory entry named ${name}`);
  }
  return entry;
}

/** Directory entry link fields, by their offset in the entry. */
export const linkOffsets = { left: 0x44, right: 0x48, child: 0x4c } as const;

/** The root's first child lists itself as its own left sibling: a loop in the directory's red-black tree. */
export function directoryLoop(bytes: Uint8Array): void {
  const layout = readLayout(bytes);
  const root = directoryEntries(bytes, layout)[0];
  if (!root) {
    throw new Error('no root entry');
  }
  const first = directoryEntries(bytes, layout)[root.child];
  if (!first) {
    throw new Error('the root has no child');
  }
  writeUint32(bytes, first.offset + linkOffsets.left, first.index);
}

/** The directory chain's last sector links back to its first: the directory never ends. */
export function fatLoop(bytes: Uint8Array): void {
  const layout = readLayout(bytes);
  const last = layout.directorySectors.at(-1) ?? 0;
  writeUint32(bytes, fatEntryOffset(layout, last), layout.directorySectors[0] ?? 0);
}

/** The mini chain of a small stream (`streamName`) links its last mini sector back to its first. */
export function miniFatLoop(bytes: Uint8Array, streamName: string): void {
  const layout = readLayout(bytes);
  const stream = entryNamed(bytes, layout, streamName);
  let last = stream.start;
  while (readUint32(bytes, miniFatEntryOffset(layout, last)) !== endOfChain) {
    last = readUint32(bytes, miniFatEntryOffset(layout, last));
  }
  writeUint32(bytes, miniFatEntryOffset(layout, last), stream.start);
}
