import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/core/errors';
import { createDocumentStore, sha256Of } from '../../../src-main/core/storage/document-store';
import { useTempFolder } from './temp-folder';

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n% a synthetic document for the store tests\n%%EOF\n');
const pdfSha = createHash('sha256').update(pdfBytes).digest('hex');

describe('createDocumentStore', () => {
  const temp = useTempFolder();
  const storeIn = (): ReturnType<typeof createDocumentStore> => createDocumentStore(path.join(temp.path, 'documents'));

  it('stores bytes under <sha256>.pdf and reads them back', async () => {
    const store = storeIn();
    expect(store.has(pdfSha)).toBe(false);
    await store.put(pdfBytes, pdfSha);
    expect(store.has(pdfSha)).toBe(true);
    expect(store.pathOf(pdfSha)).toBe(path.join(temp.path, 'documents', `${pdfSha}.pdf`));
    expect(await store.read(pdfSha)).toEqual(pdfBytes);
    expect(readdirSync(path.join(temp.path, 'documents'))).toEqual([`${pdfSha}.pdf`]);
  });

  it('does not rewrite a document that is already stored', async () => {
    const store = storeIn();
    await store.put(pdfBytes, pdfSha);
    const before = statSync(store.pathOf(pdfSha)).ino;
    await store.put(pdfBytes, pdfSha);
    expect(statSync(store.pathOf(pdfSha)).ino).toBe(before);
    expect(readdirSync(path.join(temp.path, 'documents'))).toEqual([`${pdfSha}.pdf`]);
  });

  it('refuses bytes whose hash is not the one given, and stores nothing', async () => {
    const store = storeIn();
    const otherSha = createHash('sha256').update('something else').digest('hex');
    await expect(store.put(pdfBytes, otherSha)).rejects.toThrow(/SHA-256/);
    expect(store.has(otherSha)).toBe(false);
    expect(existsSync(path.join(temp.path, 'documents', `${otherSha}.pdf`))).toBe(false);
  });

  it.each(['../x', `../${pdfSha}`, pdfSha.toUpperCase(), `${pdfSha}/`, pdfSha.slice(1), '', `${pdfSha.slice(0, 63)}g`])(
    'rejects %j as a fingerprint before building any path',
    async (bad) => {
      const store = storeIn();
      expect(() => store.pathOf(bad)).toThrow(/fingerprint/);
      expect(() => store.has(bad)).toThrow(/fingerprint/);
      await expect(store.read(bad)).rejects.toThrow(/fingerprint/);
      await expect(store.put(pdfBytes, bad)).rejects.toThrow(/fingerprint/);
    },
  );

  it('reports a missing saved copy as document.copy-missing', async () => {
    const store = storeIn();
    const error: unknown = await store.read(pdfSha).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('document.copy-missing');
  });
});

describe('sha256Of', () => {
  it('matches node:crypto for a small document', async () => {
    expect(await sha256Of(pdfBytes)).toBe(pdfSha);
  });

  it('matches node:crypto across several chunks and reports progress that rises to 1', async () => {
    const big = new Uint8Array(9 * 1024 * 1024 + 123);
    for (let index = 0; index < big.length; index += 1) {
      big[index] = (index * 31) & 0xff;
    }
    const fractions: number[] = [];
    const hash = await sha256Of(big, (fraction) => fractions.push(fraction));
    expect(hash).toBe(createHash('sha256').update(big).digest('hex'));
    expect(fractions.length).toBe(3);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
  });

  it('lets other work run between chunks', async () => {
    const big = new Uint8Array(12 * 1024 * 1024);
    let immediateRan = false;
    setImmediate(() => {
      immediateRan = true;
    });
    let ranBeforeLastChunk = false;
    await sha256Of(big, (fraction) => {
      if (fraction === 1) {
        ranBeforeLastChunk = immediateRan;
      }
    });
    expect(ranBeforeLastChunk).toBe(true);
  });

  it('reports progress 1 for an empty file', async () => {
    const fractions: number[] = [];
    expect(await sha256Of(new Uint8Array(0), (fraction) => fractions.push(fraction))).toBe(
      createHash('sha256').update(new Uint8Array(0)).digest('hex'),
    );
    expect(fractions).toEqual([1]);
  });
});
