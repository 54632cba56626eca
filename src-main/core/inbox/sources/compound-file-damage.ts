/** MS-CFB §2.1: sector numbers above this one are markers, not sectors. */
const lastRegularSector = 0xfffffffa;
/** MS-CFB §2.1: the end of a chain. */
const endOfChain = 0xfffffffe;
/** MS-CFB §2.1: an unused sector; §2.6.1: NOSTREAM, no sibling or child, has the same value. */
const freeSector = 0xffffffff;
const noStream = 0xffffffff;
/** MS-CFB §2.2: the header's own DIFAT holds the first 109 FAT sector numbers. */
const headerDifatEntries = 109;
const headerDifatOffset = 0x4c;
/** MS-CFB §2.6: every directory entry is 128 bytes. */
const directoryEntrySize = 128;
/** MS-CFB §2.2: mini sectors are 64 bytes, and streams under 4,096 bytes live in the mini stream. */
const miniSectorSize = 64;
const miniStreamCutoff = 4096;
/** MS-CFB §2.6.1 object types. */
const storageObject = 1;
const streamObject = 2;
const rootStorageObject = 5;
/**
 * How deep storages may nest. Outlook nests two storages for each attached message (the attachment, then the
 * message), so 64 is far deeper than any chain of forwarded messages, and far shallower than a reader's stack.
 */
const maxStorageDepth = 64;

/** What is wrong with a compound file, in words for the message that refuses it. */
class CompoundFileDamage extends Error {}

/**
 * Checks an OLE compound file (an Outlook .msg) against MS-CFB before any reader follows its links, and says what
 * is wrong, or null when nothing is. Every structure a reader walks is walked here first, once, in bounded time:
 * the header (byte order, version and sector size, mini stream cutoff), the DIFAT chain, the FAT, each FAT chain
 * (directory, mini FAT, mini stream, each large stream: every sector is used by at most one chain, so a loop or a
 * cross-link is refused, as is a link past the end of the file), the mini FAT chain of each small stream likewise,
 * and the directory tree from the root (every entry reached once, through links that stay inside the directory,
 * storages nested at most 64 deep), with each stream's size within the file and its chain exactly as long as its
 * size needs.
 */
export function findCompoundFileDamage(bytes: Uint8Array): string | null {
  try {
    checkCompoundFile(bytes);
    return null;
  } catch (error) {
    if (error instanceof CompoundFileDamage) {
      return error.message;
    }
    throw error;
  }
}

function checkCompoundFile(bytes: Uint8Array): void {
  if (bytes.length < 512) {
    damaged('it is shorter than a compound file header');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const readUint16 = (offset: number): number => view.getUint16(offset, true);
  const readUint32 = (offset: number): number => view.getUint32(offset, true);

  // MS-CFB §2.2, the header.
  if (readUint16(0x1c) !== 0xfffe) {
    damaged('its byte order mark is wrong');
  }
  const majorVersion = readUint16(0x1a);
  const sectorShift = readUint16(0x1e);
  if (!(majorVersion === 3 && sectorShift === 9) && !(majorVersion === 4 && sectorShift === 12)) {
    damaged(`its version (${majorVersion}) and sector size (2^${sectorShift}) do not go together`);
  }
  if (readUint16(0x20) !== 6) {
    damaged('its mini sectors are not 64 bytes');
  }
  if (readUint32(0x38) !== miniStreamCutoff) {
    damaged('its mini stream cutoff is not 4,096 bytes');
  }
  const sectorSize = 2 ** sectorShift;
  const numbersPerSector = sectorSize / 4;
  // Sector 0 starts right after the header, which takes a whole sector; a partial sector at the end is not one.
  const sectorCount = Math.max(0, Math.floor((bytes.length - sectorSize) / sectorSize));
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;

  const isUsed = new Uint8Array(sectorCount);
  const use = (sector: number, what: string): void => {
    if (sector > lastRegularSector) {
      damaged(`${what} has a broken link`);
    }
    if (sector >= sectorCount) {
      damaged(`${what} points past the end of the file`);
    }
    if (isUsed[sector]) {
      damaged(`${what} runs into a sector used already (a loop, or two chains sharing sectors)`);
    }
    isUsed[sector] = 1;
  };

  // MS-CFB §2.5, the DIFAT: the header's 109 FAT sector numbers, then DIFAT sectors of 127 numbers and a link each.
  const fatSectorCount = readUint32(0x2c);
  if (fatSectorCount === 0 || fatSectorCount > sectorCount) {
    damaged('its count of FAT sectors is impossible');
  }
  const difatSectorCount = readUint32(0x48);
  const difatSectorsNeeded =
    fatSectorCount > headerDifatEntries ? Math.ceil((fatSectorCount - headerDifatEntries) / (numbersPerSector - 1)) : 0;
  if (difatSectorCount !== difatSectorsNeeded) {
    damaged('its count of DIFAT sectors does not match its FAT');
  }
  const fatSectors: number[] = [];
  for (let index = 0; index < Math.min(fatSectorCount, headerDifatEntries); index += 1) {
    fatSectors.push(readUint32(headerDifatOffset + 4 * index));
  }
  let difatSector = readUint32(0x44);
  for (let index = 0; index < difatSectorCount; index += 1) {
    use(difatSector, 'the DIFAT chain');
    for (let entry = 0; entry < numbersPerSector - 1 && fatSectors.length < fatSectorCount; entry += 1) {
      fatSectors.push(readUint32(sectorOffset(difatSector) + 4 * entry));
    }
    difatSector = readUint32(sectorOffset(difatSector) + sectorSize - 4);
  }
  if (difatSectorCount > 0 && difatSector !== endOfChain && difatSector !== freeSector) {
    damaged('its DIFAT chain does not end where its header says');
  }
  for (const sector of fatSectors) {
    use(sector, 'the list of FAT sectors');
  }

  // MS-CFB §2.3, the FAT: each chain is followed once, every sector taken by one chain only.
  const fatEntries = fatSectorCount * numbersPerSector;
  const nextSector = (sector: number): number => {
    if (sector >= fatEntries) {
      damaged('a chain leaves the part of the file its FAT covers');
    }
    return readUint32(
      sectorOffset(fatSectors[Math.floor(sector / numbersPerSector)] ?? 0) + 4 * (sector % numbersPerSector),
    );
  };
  const followChain = (start: number, what: string): number[] => {
    const chain: number[] = [];
    for (let sector = start; sector !== endOfChain; sector = nextSector(sector)) {
      use(sector, what);
      chain.push(sector);
    }
    return chain;
  };

  // MS-CFB §2.6, the directory, and its root entry, which holds the mini stream.
  const directorySectors = followChain(readUint32(0x30), 'the directory chain');
  if (directorySectors.length === 0) {
    damaged('it has no directory');
  }
  const entriesPerSector = sectorSize / directoryEntrySize;
  const entryCount = directorySectors.length * entriesPerSector;
  const entryOffset = (entry: number): number =>
    sectorOffset(directorySectors[Math.floor(entry / entriesPerSector)] ?? 0) +
    directoryEntrySize * (entry % entriesPerSector);
  const rootOffset = entryOffset(0);
  if (bytes[rootOffset + 0x42] !== rootStorageObject) {
    damaged('its first directory entry is not the root');
  }
  const miniStreamSectors = followChain(readUint32(rootOffset + 0x74), 'the mini stream');
  const miniStreamSize = readUint32(rootOffset + 0x78);
  if (miniStreamSize > miniStreamSectors.length * sectorSize) {
    damaged('its mini stream is shorter than its root entry says');
  }

  // MS-CFB §2.4, the mini FAT: one chain of sectors, as many as the header says.
  const miniFatSectorCount = readUint32(0x40);
  const miniFatSectors = miniFatSectorCount === 0 ? [] : followChain(readUint32(0x3c), 'the mini FAT chain');
  if (miniFatSectors.length !== miniFatSectorCount) {
    damaged('its mini FAT is not as long as its header says');
  }
  const miniSectorCount = Math.min(Math.ceil(miniStreamSize / miniSectorSize), miniFatSectorCount * numbersPerSector);
  const isMiniSectorUsed = new Uint8Array(miniSectorCount);
  const followMiniChain = (start: number): number => {
    let length = 0;
    for (
      let sector = start;
      sector !== endOfChain;
      sector = readUint32(
        sectorOffset(miniFatSectors[Math.floor(sector / numbersPerSector)] ?? 0) + 4 * (sector % numbersPerSector),
      )
    ) {
      if (sector >= miniSectorCount) {
        damaged('a small stream points past the end of the mini stream');
      }
      if (isMiniSectorUsed[sector]) {
        damaged('a small stream runs into a mini sector used already (a loop, or two streams sharing sectors)');
      }
      isMiniSectorUsed[sector] = 1;
      length += 1;
    }
    return length;
  };

  const checkStream = (offset: number): void => {
    const size = readUint32(offset + 0x78);
    // Version 3 files may carry garbage in the size's high half (MS-CFB §2.6.1 advises ignoring it); version 4 may not.
    if (majorVersion === 4 && readUint32(offset + 0x7c) !== 0) {
      damaged('a stream is larger than the file');
    }
    if (size > bytes.length) {
      damaged('a stream is larger than the file');
    }
    if (size === 0) {
      return;
    }
    const start = readUint32(offset + 0x74);
    const chainLength = size < miniStreamCutoff ? followMiniChain(start) : followChain(start, 'a stream').length;
    const sectorsNeeded = Math.ceil(size / (size < miniStreamCutoff ? miniSectorSize : sectorSize));
    if (chainLength !== sectorsNeeded) {
      damaged("a stream's chain is not as long as its size");
    }
  };

  // The tree of entries under the root: each reached once, through links inside the directory.
  const isEntryReached = new Uint8Array(entryCount);
  isEntryReached[0] = 1;
  const pending: { entry: number; depth: number }[] = [];
  const follow = (link: number, depth: number): void => {
    if (link !== noStream) {
      pending.push({ entry: link, depth });
    }
  };
  follow(readUint32(rootOffset + 0x4c), 1);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { entry, depth } = next;
    if (entry >= entryCount) {
      damaged('a directory link points past the directory');
    }
    if (isEntryReached[entry]) {
      damaged('a directory entry is linked twice (a loop in the directory)');
    }
    isEntryReached[entry] = 1;
    const offset = entryOffset(entry);
    const nameLength = readUint16(offset + 0x40);
    if (nameLength > 64 || nameLength % 2 !== 0) {
      damaged("a directory entry's name is longer than 32 characters");
    }
    const type = bytes[offset + 0x42];
    if (type === storageObject) {
      if (depth > maxStorageDepth) {
        damaged(`its storages nest more than ${maxStorageDepth} deep`);
      }
      follow(readUint32(offset + 0x4c), depth + 1);
    } else if (type === streamObject) {
      checkStream(offset);
    } else {
      damaged('a directory link points to an entry that is neither a storage nor a stream');
    }
    follow(readUint32(offset + 0x44), depth);
    follow(readUint32(offset + 0x48), depth);
  }
}

function damaged(what: string): never {
  throw new CompoundFileDamage(what);
}
