import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../src-main/core/storage/atomic-file';
import { useTempFolder } from './temp-folder';

describe('writeFileAtomically', () => {
  const temp = useTempFolder();

  it('writes a new file with the given text', async () => {
    const file = path.join(temp.path, 'note.txt');
    await writeFileAtomically(file, 'hello');
    expect(readFileSync(file, 'utf8')).toBe('hello');
  });

  it('writes bytes exactly', async () => {
    const file = path.join(temp.path, 'bytes.bin');
    const bytes = new Uint8Array([0, 1, 2, 255, 254]);
    await writeFileAtomically(file, bytes);
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes);
  });

  it('replaces an existing file whole', async () => {
    const file = path.join(temp.path, 'note.txt');
    writeFileSync(file, 'a much longer old content that must not survive');
    await writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('leaves no temporary file behind after writing', async () => {
    const file = path.join(temp.path, 'note.txt');
    await writeFileAtomically(file, 'one');
    await writeFileAtomically(file, 'two');
    expect(readdirSync(temp.path)).toEqual(['note.txt']);
  });

  it('removes its temporary file and keeps the old content when the rename fails', async () => {
    // A folder in the target's place makes the final rename fail after the temp file is written.
    const target = path.join(temp.path, 'occupied');
    writeFileSync(path.join(temp.path, 'keep.txt'), 'kept');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    await expect(writeFileAtomically(target, 'data')).rejects.toThrow();
    expect(readdirSync(temp.path).sort()).toEqual(['keep.txt', 'occupied']);
  });
});
