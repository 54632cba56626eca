import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { readMailFile } from '../../../src-main/core/inbox/sources/file-source';
import { MailFileError } from '../../../src-main/core/inbox/sources/mail-file-error';
import { msgToRfc822 } from '../../../src-main/core/inbox/sources/msg-to-rfc822';
import { seededRandom, type SeededRandom } from '../../support/seeded-random';
import { citNotice } from '../inbox/sources/cit-notice';
import {
  directoryEntries,
  fatEntryOffset,
  linkOffsets,
  miniFatEntryOffset,
  readLayout,
  writeUint32,
} from '../inbox/sources/compound-file-surgery';
import { buildOutlookMsg } from '../inbox/sources/outlook-msg';

/**
 * Mutated Outlook .msg files for the .msg reader: valid files (msgreader's own writer; see outlook-msg.ts) with one
 * to three structural values changed — header fields (FAT, DIFAT, directory and mini FAT locations and counts), FAT
 * and mini FAT links, directory links, stream sizes and starts — set to values that make loops, cross-links, links
 * past the end or impossible sizes, plus plain byte flips and truncation. Whatever the file, reading it answers
 * with a notice (or a message that is none) or refuses it with a MailFileError; it never hangs. Fixed seeds: a
 * failure names its seed and case.
 */
function citMsg(): Uint8Array {
  const raw = citNotice(7);
  const split = raw.indexOf('\r\n\r\n');
  return buildOutlookMsg({
    subject: 'from the headers',
    transportHeaders: raw.slice(0, split),
    html: raw.slice(split + 4),
    deliveredAt: new Date('2026-03-02T21:06:05Z'),
  });
}

function plainMsg(): Uint8Array {
  return buildOutlookMsg({
    subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Order',
    senderName: 'CM/ECF',
    senderSmtpAddress: 'cmecf_notice@cit.uscourts.gov',
    to: [
      { name: 'Docketing', smtpAddress: 'docketing@example.com' },
      { name: 'Jane Doe', smtpAddress: 'jdoe@example.com' },
    ],
    body: 'Notice of Electronic Filing\r\nCase Name: Acme Steel Corp. v. United States\r\n'.repeat(60),
  });
}

const headerFields = [0x2c, 0x30, 0x3c, 0x40, 0x44, 0x48, 0x4c, 0x50];

function interestingValue(random: SeededRandom, bytes: Uint8Array, sameFile: readonly number[]): number {
  const sectors = Math.floor(bytes.length / 512) - 1;
  return random.pick([
    0,
    1,
    sectors - 1,
    sectors,
    sectors + 1,
    0xfffffffa,
    0xfffffffb,
    0xfffffffc,
    0xfffffffd,
    0xfffffffe,
    0xffffffff,
    0x7fffffff,
    random.int(0, 0x7fffffff) * 2,
    random.int(0, 64),
    random.pick(sameFile.length > 0 ? sameFile : [0]),
  ]);
}

function mutate(random: SeededRandom, original: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(original);
  const layout = readLayout(bytes);
  const entries = directoryEntries(bytes, layout).filter((entry) => entry.type !== 0);
  const sectorsInUse = [...layout.directorySectors, ...layout.miniFatSectors, ...entries.map((entry) => entry.start)];
  for (let changes = random.int(1, 3); changes > 0; changes -= 1) {
    const entry = random.pick(entries);
    switch (random.int(0, 6)) {
      case 0:
        writeUint32(bytes, random.pick(headerFields), interestingValue(random, bytes, sectorsInUse));
        break;
      case 1:
        writeUint32(
          bytes,
          fatEntryOffset(layout, random.pick(sectorsInUse.filter((sector) => sector < 0xfffffff0))),
          interestingValue(random, bytes, sectorsInUse),
        );
        break;
      case 2:
        if (layout.miniFatSectors.length > 0) {
          writeUint32(
            bytes,
            miniFatEntryOffset(layout, random.int(0, 40)),
            random.pick([0xfffffffe, 0xffffffff, random.int(0, 60), 100_000]),
          );
        }
        break;
      case 3:
        writeUint32(
          bytes,
          entry.offset + random.pick(Object.values(linkOffsets)),
          random.pick([0xffffffff, 0, entry.index, random.pick(entries).index, random.int(0, 200), 0xfffffffe]),
        );
        break;
      case 4:
        writeUint32(bytes, entry.offset + random.pick([0x74, 0x78]), interestingValue(random, bytes, sectorsInUse));
        break;
      case 5:
        for (let flips = random.int(1, 30); flips > 0; flips -= 1) {
          bytes[random.int(0, bytes.length - 1)] = random.int(0, 255);
        }
        break;
      default:
        return bytes.subarray(0, random.int(0, bytes.length));
    }
  }
  return bytes;
}

async function checkRead(bytes: Uint8Array, context: string): Promise<void> {
  let raw: Buffer;
  try {
    raw = (await readMailFile('notice.msg', bytes, async (msg) => msgToRfc822(msg))).raw;
  } catch (error) {
    expect(error, context).toBeInstanceOf(MailFileError);
    return;
  }
  try {
    expect(['nef', 'nda', 'ignored'], context).toContain((await parseNotice(raw)).kind);
  } catch (error) {
    expect(error, context).toBeInstanceOf(Error);
  }
}

describe('the .msg reader on mutated compound files', () => {
  it.each([
    [21, 'a notice with the transport headers Outlook kept', citMsg],
    [22, 'a message with recipients and a plain body in its own FAT chain', plainMsg],
  ] as const)('answers or refuses with a MailFileError, never hangs (seed %i: %s)', async (seed, _name, build) => {
    const random = seededRandom(seed);
    const original = build();
    for (let index = 0; index < 500; index += 1) {
      await checkRead(mutate(random, original), `seed ${seed}, case ${index}`);
    }
  });
});
