import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFirmPdfStore } from '../../../src-main/core/firm/pdf-store';

// The firm's PDF store: each PDF kept once under its SHA-256, at sha256/ab/cd/<sha256>.pdf, written whole or not at
// all, and checked against its hash when read back (docs/firm-server.md#where-pdfs-are-kept).

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'ecf-desk-firm-pdfs-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the firm’s PDF store', () => {
  it('makes its layout at once, in a folder that may not exist yet', async () => {
    const store = await openFirmPdfStore(path.join(folder, 'share', 'pdfs'));
    expect(await readdir(store.folder)).toEqual(['sha256']);
  });

  it('keeps a PDF under its SHA-256, fanned out two levels, and reads the same bytes back', async () => {
    const store = await openFirmPdfStore(folder);
    const bytes = pdf('Order granting extension');
    const hash = await store.put(bytes);
    expect(hash).toBe(sha256(bytes));
    expect(existsSync(path.join(folder, 'sha256', hash.slice(0, 2), hash.slice(2, 4), `${hash}.pdf`))).toBe(true);
    expect(store.has(hash)).toBe(true);
    expect(await store.read(hash)).toEqual(bytes);
  });

  it('keeps the same bytes once, and leaves no temporary file behind', async () => {
    const store = await openFirmPdfStore(folder);
    const bytes = pdf('Notice of appearance');
    const [first, second] = await Promise.all([store.put(bytes), store.put(bytes)]);
    expect(first).toBe(second);
    expect(await readdir(path.join(folder, 'sha256', first.slice(0, 2), first.slice(2, 4)))).toEqual([`${first}.pdf`]);
  });

  it('refuses to serve a copy whose bytes no longer match their hash, and a name that is not a hash', async () => {
    const store = await openFirmPdfStore(folder);
    const hash = await store.put(pdf('Complaint'));
    await writeFile(path.join(folder, 'sha256', hash.slice(0, 2), hash.slice(2, 4), `${hash}.pdf`), pdf('tampered'));
    await expect(store.read(hash)).rejects.toThrow(`The stored PDF ${hash} is damaged`);
    expect(() => store.has('../../etc/passwd')).toThrow(/Not a document fingerprint/);
  });
});
