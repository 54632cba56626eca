import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMaildirDelivery } from '../../../../src-main/training-court/mail/maildir';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ecf-desk-maildir-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const message = 'Subject: Activity in Case 1:26-cv-00123-MMB\r\n\r\n<p>notice</p>\r\n';

describe('createMaildirDelivery', () => {
  it('puts a message into new/ of the addressee’s Maildir, named by lower-case address', async () => {
    const file = await createMaildirDelivery(root).deliver('Jane.Morgan@AcmeLaw.example', message);
    const maildir = path.join(root, 'jane.morgan@acmelaw.example', 'Maildir');
    expect(path.dirname(file)).toBe(path.join(maildir, 'new'));
    expect(await readFile(file, 'utf8')).toBe(message);
    expect(await readdir(path.join(maildir, 'cur'))).toEqual([]);
  });

  it('leaves nothing behind in tmp/, so a reader only ever sees whole messages', async () => {
    await createMaildirDelivery(root).deliver('jane@acmelaw.example', message);
    expect(await readdir(path.join(root, 'jane@acmelaw.example', 'Maildir', 'tmp'))).toEqual([]);
  });

  it('gives every message its own time.pid_sequence.host name, also when many arrive at once', async () => {
    const delivery = createMaildirDelivery(root);
    const files = await Promise.all(
      Array.from({ length: 25 }, (_, index) => delivery.deliver('jane@acmelaw.example', `${message}${index}`)),
    );
    expect(new Set(files).size).toBe(25);
    const names = await readdir(path.join(root, 'jane@acmelaw.example', 'Maildir', 'new'));
    expect(names).toHaveLength(25);
    expect(names.every((name) => new RegExp(`^\\d+\\.${process.pid}_\\d+\\.[^/:]+$`).test(name))).toBe(true);
  });

  it('does not overwrite the messages of an earlier delivery object in the same process', async () => {
    await createMaildirDelivery(root).deliver('jane@acmelaw.example', 'first');
    await createMaildirDelivery(root).deliver('jane@acmelaw.example', 'second');
    const folder = path.join(root, 'jane@acmelaw.example', 'Maildir', 'new');
    const contents = await Promise.all(
      (await readdir(folder)).map((name) => readFile(path.join(folder, name), 'utf8')),
    );
    expect(contents.sort()).toEqual(['first', 'second']);
  });

  it('refuses an address that could write outside the mail folder or disguise its folder name', async () => {
    const delivery = createMaildirDelivery(root);
    for (const email of [
      '../../etc@example.test',
      'a/b@example.test',
      'a\\b@example.test',
      'a\u0000@example.test',
      '..@example.test',
      'no-at-sign',
      '.hidden@example.test',
      'a\u007f@example.test',
      'moc.elpmaxe\u202e@attacker.test',
      'a\u2028@example.test',
    ]) {
      await expect(delivery.deliver(email, message)).rejects.toMatchObject({ code: 'mail.unsafe-address' });
    }
    expect(await readdir(root)).toEqual([]);
  });
});
