import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msgToRfc822 } from '../../../../src-main/core/inbox/sources/msg-to-rfc822';
import { runBounded } from '../../../support/bounded-process';
import { testCliPath } from '../../../support/paths';
import {
  directoryEntries,
  directoryLoop,
  entryNamed,
  fatEntryOffset,
  fatLoop,
  linkOffsets,
  miniFatLoop,
  readLayout,
  readUint32,
  writeUint32,
} from './compound-file-surgery';
import { buildOutlookMsg } from './outlook-msg';

/**
 * Outlook files damaged in one place each, built in code from a valid .msg (msgreader's own writer; see
 * outlook-msg.ts). msgreader follows a compound file's chains and links without asking whether they loop: a loop in
 * the directory ran the old reader to 2 GB and a V8 "invalid size" crash in 11 s, a loop in a FAT chain grew it to
 * 3 GB in 40 s. Those files are read by `ecf-desk nef parse` in a child process with a kill timer and a 256 MB heap,
 * so the old reader fails these tests with a timeout or a crash rather than taking the runner down. Refusing one
 * takes milliseconds; the timer allows 30 s, process start included.
 */
const withinMs = 30_000;

/** A .msg with a small HTML body (in the mini stream), a large plain body (its own FAT chain) and one recipient. */
function validMsg(): Uint8Array {
  return buildOutlookMsg({
    subject: 'Activity in Case 1:26-cv-00123-MMB Acme Steel Corp. v. United States Order',
    html: `<p>Notice of Electronic Filing</p><p>${'Docket Text: ORDER. '.repeat(140)}</p>`,
    body: 'Notice of Electronic Filing '.repeat(200),
    to: [{ name: 'Docketing', smtpAddress: 'docketing@example.com' }],
  });
}

const htmlStream = '__substg1.0_10130102';
const plainStream = '__substg1.0_1000001F';

function damage(change: (bytes: Uint8Array) => void): Uint8Array {
  const bytes = validMsg();
  change(bytes);
  return bytes;
}

describe('a .msg whose links loop is refused, not followed (ecf-desk nef parse)', { timeout: 2 * withinMs }, () => {
  let scratch = '';
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'ecf-damaged-msg-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it.each([
    ['a loop in the directory tree', directoryLoop, 'a directory entry is linked twice (a loop in the directory)'],
    [
      'a loop in the FAT chain of the directory',
      fatLoop,
      'the directory chain runs into a sector used already (a loop, or two chains sharing sectors)',
    ],
    [
      'a loop in the mini FAT chain of a small stream',
      (bytes: Uint8Array) => miniFatLoop(bytes, htmlStream),
      'a small stream runs into a mini sector used already (a loop, or two streams sharing sectors)',
    ],
  ] as const)('%s', async (name, change, problem) => {
    const file = path.join(scratch, `${name}.msg`);
    const bytes = damage(change);
    expect(bytes.length).toBeLessThan(20_000);
    await writeFile(file, bytes);
    const run = await runBounded(testCliPath, ['nef', 'parse', '--json', file], {
      timeoutMs: withinMs,
      maxOldSpaceMb: 256,
    });
    expect(run.isKilledForTime, `still reading after ${withinMs / 1000} s`).toBe(false);
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stderr).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        kind: 'unreadable',
        error: `This .msg file is damaged: ${problem}. Save the email from Outlook again, or as .eml.`,
      }),
    ]);
  });
});

function refusal(bytes: Uint8Array): { code?: unknown; message?: unknown } {
  try {
    msgToRfc822(bytes);
  } catch (error) {
    return error as { code?: unknown; message?: unknown };
  }
  throw new Error('the .msg was read');
}

describe('msgToRfc822 checks the compound file before msgreader reads it', () => {
  it('reads the undamaged file', () => {
    expect(msgToRfc822(validMsg()).raw.toString('utf8')).toContain('Subject: Activity in Case 1:26-cv-00123-MMB');
  });

  it('reads a .msg over 7 MB, whose FAT sectors are listed in DIFAT sectors as well as in the header', () => {
    const bytes = buildOutlookMsg({ subject: 'Large', html: `<p>${'x'.repeat(8_000_000)}</p>` });
    expect(readUint32(bytes, 0x48)).toBeGreaterThan(0);
    expect(msgToRfc822(bytes).raw.length).toBeGreaterThan(8_000_000);
  });

  it.each([
    [
      'a FAT link past the end of the file',
      (bytes: Uint8Array) => {
        const layout = readLayout(bytes);
        writeUint32(bytes, fatEntryOffset(layout, entryNamed(bytes, layout, plainStream).start), 100_000);
      },
      'a stream points past the end of the file',
    ],
    [
      'a chain that runs into a free sector',
      (bytes: Uint8Array) => {
        const layout = readLayout(bytes);
        writeUint32(bytes, fatEntryOffset(layout, entryNamed(bytes, layout, plainStream).start), 0xffffffff);
      },
      'a stream has a broken link',
    ],
    [
      'two streams sharing sectors',
      (bytes: Uint8Array) => {
        const layout = readLayout(bytes);
        const plain = entryNamed(bytes, layout, plainStream);
        writeUint32(bytes, plain.offset + 0x74, layout.directorySectors[0] ?? 0);
      },
      'a stream runs into a sector used already (a loop, or two chains sharing sectors)',
    ],
    [
      'a stream larger than the file',
      (bytes: Uint8Array) => {
        const layout = readLayout(bytes);
        writeUint32(bytes, entryNamed(bytes, layout, plainStream).offset + 0x78, bytes.length + 1);
      },
      'a stream is larger than the file',
    ],
    [
      'a stream whose chain is shorter than its size',
      (bytes: Uint8Array) => {
        const layout = readLayout(bytes);
        const plain = entryNamed(bytes, layout, plainStream);
        writeUint32(bytes, plain.offset + 0x78, plain.size + 512 * 3);
      },
      "a stream's chain is not as long as its size",
    ],
    [
      'a directory link past the end of the directory',
      (bytes: Uint8Array) => {
        const layout = readLayout(bytes);
        writeUint32(bytes, entryNamed(bytes, layout, htmlStream).offset + linkOffsets.right, 5_000);
      },
      'a directory link points past the directory',
    ],
    [
      'a storage whose children lead back to the root',
      (bytes: Uint8Array) => {
        const layout = readLayout(bytes);
        const recipient = directoryEntries(bytes, layout).find((entry) => entry.type === 1);
        if (!recipient) {
          throw new Error('no storage');
        }
        writeUint32(bytes, recipient.offset + linkOffsets.child, 0);
      },
      'a directory entry is linked twice (a loop in the directory)',
    ],
    [
      'a link to an unused directory entry',
      (bytes: Uint8Array) => {
        const layout = readLayout(bytes);
        const unused = directoryEntries(bytes, layout).find((entry) => entry.type === 0);
        if (!unused) {
          throw new Error('no unused entry');
        }
        writeUint32(bytes, entryNamed(bytes, layout, htmlStream).offset + linkOffsets.right, unused.index);
      },
      'a directory link points to an entry that is neither a storage nor a stream',
    ],
    [
      'a count of FAT sectors larger than the file',
      (bytes: Uint8Array) => writeUint32(bytes, 0x2c, 1_000_000),
      'its count of FAT sectors is impossible',
    ],
    [
      'DIFAT sectors where the FAT needs none',
      (bytes: Uint8Array) => writeUint32(bytes, 0x48, 0x7fffffff),
      'its count of DIFAT sectors does not match its FAT',
    ],
    [
      'a mini FAT longer in the header than in the file',
      (bytes: Uint8Array) => writeUint32(bytes, 0x40, readUint32(bytes, 0x40) + 1),
      'its mini FAT is not as long as its header says',
    ],
    [
      'a sector size that does not go with its version',
      (bytes: Uint8Array) => new DataView(bytes.buffer).setUint16(0x1e, 12, true),
      'its version (3) and sector size (2^12) do not go together',
    ],
    [
      'a mini stream cutoff other than 4,096 bytes',
      (bytes: Uint8Array) => writeUint32(bytes, 0x38, 0),
      'its mini stream cutoff is not 4,096 bytes',
    ],
  ] as const)('refuses %s, saying what is damaged', (_name, change, problem) => {
    const error = refusal(damage(change));
    expect(error.code).toBe('mail-file.unreadable-msg');
    expect(error.message).toBe(`This .msg file is damaged: ${problem}. Save the email from Outlook again, or as .eml.`);
  });

  it('refuses storages nested more than 64 deep, and reads them 64 deep', () => {
    expect(() => msgToRfc822(nestedStorages(64))).toThrow(
      expect.objectContaining({ code: 'mail-file.no-readable-body' }),
    );
    const error = refusal(nestedStorages(65));
    expect(error.message).toBe(
      'This .msg file is damaged: its storages nest more than 64 deep. Save the email from Outlook again, or as .eml.',
    );
  });

  it('refuses a .msg over 25 MB without reading it, saying how large it is', () => {
    const bytes = new Uint8Array(25 * 1024 * 1024 + 1);
    bytes.set(validMsg());
    const error = refusal(bytes);
    expect(error.code).toBe('mail-file.unreadable-msg');
    expect(error.message).toBe(
      'This .msg file is 25.0 MB, larger than any court notice; ECF Desk reads .msg files up to 25.0 MB. Save the notice again without its attachments.',
    );
  });
});

/**
 * A compound file whose root holds an embedded message holding an embedded message… `depth` deep (MS-OXMSG keeps an
 * attached message in a `__substg1.0_3701000D` storage), written by msgreader's own writer.
 */
function nestedStorages(depth: number): Uint8Array {
  const entries: Entry[] = [{ name: 'Root Entry', type: 5, children: [], length: 0 }];
  let parent = 0;
  for (let level = 0; level < depth; level += 1) {
    entries.push({ name: '__substg1.0_3701000D', type: 1, children: [], length: 0 });
    entries[parent]?.children?.push(entries.length - 1);
    parent = entries.length - 1;
  }
  return burn(entries);
}
