import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNotice } from '../../../../src-main/core/inbox/nef/parse-notice';
import type { IncomingMail } from '../../../../src-main/core/inbox/sources/mail-source';
import { createMaildirSource } from '../../../../src-main/core/inbox/sources/maildir-source';
import { citNotice } from './cit-notice';

let root = '';

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'ecf-maildir-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Delivers a notice as Dovecot and the training court do: a uniquely named file in `<address>/Maildir/new`. */
async function deliver(
  address: string,
  uniqueName: string,
  documentNumber: number,
  deliveredAt: Date,
): Promise<string> {
  const folder = path.join(root, address, 'Maildir', 'new');
  await mkdir(folder, { recursive: true });
  await mkdir(path.join(root, address, 'Maildir', 'cur'), { recursive: true });
  const file = path.join(folder, uniqueName);
  await writeFile(file, citNotice(documentNumber));
  await utimes(file, deliveredAt, deliveredAt);
  return file;
}

function collecting() {
  const mails: IncomingMail[] = [];
  return { mails, onMail: async (mail: IncomingMail) => void mails.push(mail) };
}

async function documentNumbers(mails: readonly IncomingMail[]): Promise<(string | null)[]> {
  return Promise.all(mails.map(async (mail) => (await parseNotice(mail.raw)).dockets[0]?.documentNumber ?? null));
}

describe('createMaildirSource', () => {
  it('passes over a message larger than an email may be without reading it, and hands over the rest', async () => {
    await deliver('docketing@example.com', '1700000001.M1P1.host', 1, new Date('2026-03-02T09:00:00Z'));
    const large = await deliver('docketing@example.com', '1700000002.M1P1.host', 2, new Date('2026-03-02T10:00:00Z'));
    await writeFile(large, `${citNotice(2)}\r\n<!--\r\n${`${'x'.repeat(74)}\r\n`.repeat(4_000)}-->\r\n`);
    const { mails, onMail } = collecting();
    const source = createMaildirSource({ root, onMail, largestMessageBytes: 100_000 });
    expect(await source.sync()).toEqual({ fetched: 1 });
    expect(await documentNumbers(mails)).toEqual(['1']);
    expect(await source.sync()).toEqual({ fetched: 0 });
  });

  it('hands over every message of every address, oldest first, once', async () => {
    await deliver('jdoe@example.com', '1700000002.M1P1.host', 2, new Date('2026-03-02T10:00:00Z'));
    await deliver('docketing@example.com', '1700000001.M1P1.host', 1, new Date('2026-03-02T09:00:00Z'));
    const { mails, onMail } = collecting();
    const source = createMaildirSource({ root, onMail });

    expect(await source.sync()).toEqual({ fetched: 2 });
    expect(await documentNumbers(mails)).toEqual(['1', '2']);
    expect(mails.map((mail) => mail.sourceKey)).toEqual([
      'maildir:docketing@example.com/1700000001.M1P1.host',
      'maildir:jdoe@example.com/1700000002.M1P1.host',
    ]);
    expect(mails[0]?.receivedAt).toEqual(new Date('2026-03-02T09:00:00Z'));
    expect(await source.sync()).toEqual({ fetched: 0 });
  });

  it('does not hand a message over again when a mail program reads it (new/ to cur/ with flags)', async () => {
    const file = await deliver('jdoe@example.com', '1700000003.M1P1.host', 3, new Date('2026-03-02T11:00:00Z'));
    const { mails, onMail } = collecting();
    const source = createMaildirSource({ root, onMail });
    await source.sync();
    await rename(file, path.join(root, 'jdoe@example.com', 'Maildir', 'cur', '1700000003.M1P1.host:2,S'));

    expect(await source.sync()).toEqual({ fetched: 0 });
    expect(mails).toHaveLength(1);
  });

  it('after a restart asks the store, through `seen`, before handing a message over', async () => {
    await deliver('jdoe@example.com', '1700000004.M1P1.host', 4, new Date('2026-03-02T12:00:00Z'));
    await deliver('jdoe@example.com', '1700000005.M1P1.host', 5, new Date('2026-03-02T13:00:00Z'));
    const stored = new Set(['maildir:jdoe@example.com/1700000004.M1P1.host']);
    const { mails, onMail } = collecting();

    const restarted = createMaildirSource({ root, onMail, seen: async (sourceKey) => stored.has(sourceKey) });
    expect(await restarted.sync()).toEqual({ fetched: 1 });
    expect(await documentNumbers(mails)).toEqual(['5']);
  });

  it('hands a message over again on the next sync when handing it over failed', async () => {
    await deliver('jdoe@example.com', '1700000006.M1P1.host', 6, new Date('2026-03-02T14:00:00Z'));
    let isStoreFull = true;
    const { mails, onMail } = collecting();
    const source = createMaildirSource({
      root,
      onMail: async (mail) => {
        if (isStoreFull) {
          throw new Error('disk full');
        }
        await onMail(mail);
      },
    });

    await expect(source.sync()).rejects.toThrow('disk full');
    isStoreFull = false;
    expect(await source.sync()).toEqual({ fetched: 1 });
    expect(await documentNumbers(mails)).toEqual(['6']);
  });

  it('finds nothing, without failing, where no tree exists yet', async () => {
    const { onMail } = collecting();
    expect(await createMaildirSource({ root: path.join(root, 'missing'), onMail }).sync()).toEqual({ fetched: 0 });
  });
});
