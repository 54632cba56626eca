import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerNoticeParser } from '../../../src-main/core/inbox/worker-notice-parser';
import { composeNefEmail } from '../../../src-main/training-court/mail/compose-nef';
import { testNoticeWorkerPath } from '../../support/paths';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';

const parser = createWorkerNoticeParser(testNoticeWorkerPath);
afterAll(async () => {
  await parser.close();
});

describe('reading emails in workers', () => {
  it('reads a notice in a worker into the same fields as in process', async () => {
    const raw = composeNefEmail(sampleNefEntry(), { email: 'jmorgan@morganreyes.example', magicNum: '24681357' }, { messageId: 'worker', date: new Date('2026-11-30T15:00:00Z') });
    const reading = await parser.parse(new TextEncoder().encode(raw));
    expect(reading.kind).toBe('read');
    if (reading.kind === 'read') expect(reading.notice.dockets[0]).toMatchObject({ magicNum: '24681357', caseNumber: sampleNefEntry().caseNumber });
  });

  it('stops an email that takes too long at its limit and says why, and reads the next one', async () => {
    const slow = createWorkerNoticeParser(testNoticeWorkerPath, { timeoutMs: 1, maxMemoryMb: 256 });
    const raw = composeNefEmail(sampleNefEntry({ docketText: 'x '.repeat(200_000) }), { email: 'jmorgan@morganreyes.example', magicNum: '1' }, { messageId: 'slow', date: new Date() });
    expect(await slow.parse(new TextEncoder().encode(raw))).toEqual({ kind: 'unreadable', reason: expect.stringContaining('took too long') });
    await slow.close();
    const next = composeNefEmail(sampleNefEntry(), { email: 'jmorgan@morganreyes.example', magicNum: '2' }, { messageId: 'next', date: new Date() });
    expect((await parser.parse(new TextEncoder().encode(next))).kind).toBe('read');
  });

  it('sets aside bytes that are not a notice, with the reason, instead of failing', async () => {
    const reading = await parser.parse(new Uint8Array([0xff, 0xfe, 0x00, 0x01]));
    expect(reading).toMatchObject({ kind: 'read', notice: { kind: 'ignored', reason: 'not-a-notice' } });
  });
});

describe('handing bytes to a worker', () => {
  it('leaves the caller’s Buffer whole: a message read from a mail file stays readable after parsing', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ecf-notice-'));
    const file = path.join(folder, 'notice.eml');
    writeFileSync(file, composeNefEmail(sampleNefEntry(), { email: 'jmorgan@morganreyes.example', magicNum: '3' }, { messageId: 'pooled', date: new Date() }));
    const raw = await readFile(file);
    rmSync(folder, { recursive: true, force: true });
    const neighbour = Buffer.from('a neighbour in the same pool');
    const before = createHash('sha256').update(raw).digest('hex');
    await parser.parse(raw);
    expect(createHash('sha256').update(raw).digest('hex')).toBe(before);
    expect(neighbour.toString()).toBe('a neighbour in the same pool');
  });
});
