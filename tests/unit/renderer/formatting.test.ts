import { describe, expect, it } from 'vitest';
import { describePhase } from '../../../src-renderer/format/describe-phase';
import { formatBytes } from '../../../src-renderer/format/format-bytes';
import { sortDocuments } from '../../../src-renderer/state/sort-documents';
import { documentRecord } from './fake-bridge';

describe('sizes as people read them', () => {
  it('counts small files in bytes, then KB, MB and GB with one decimal', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
    expect(formatBytes(3 * 1024 * 1024 * 1024)).toBe('3.0 GB');
  });
});

describe('the steps of adding a file', () => {
  it('are named in words a paralegal knows', () => {
    expect(describePhase('hashing')).toBe('Checking integrity (SHA-256)');
    expect(describePhase('storing')).toBe('Saving a copy');
    expect(describePhase('reading-pages')).toBe('Reading and checking');
  });
});

describe('the order of the documents list', () => {
  const documents = [
    documentRecord({ id: '1', name: 'Exhibit 10.pdf', bytes: 300, addedAt: '2025-01-01T12:00:00.000Z' }),
    documentRecord({ id: '2', name: 'exhibit 2.pdf', bytes: 100, addedAt: '2025-01-03T12:00:00.000Z' }),
    documentRecord({ id: '3', name: 'Answer.pdf', bytes: 200, addedAt: '2025-01-02T12:00:00.000Z' }),
  ];
  const names = (sorted: readonly { name: string }[]): string[] => sorted.map((each) => each.name);

  it('puts Exhibit 2 before Exhibit 10 and ignores capitals when sorting by name', () => {
    expect(names(sortDocuments(documents, 'name'))).toEqual(['Answer.pdf', 'exhibit 2.pdf', 'Exhibit 10.pdf']);
  });

  it('shows the newest first when sorting by date added', () => {
    expect(names(sortDocuments(documents, 'added'))).toEqual(['exhibit 2.pdf', 'Answer.pdf', 'Exhibit 10.pdf']);
  });

  it('shows the largest first when sorting by size', () => {
    expect(names(sortDocuments(documents, 'size'))).toEqual(['Exhibit 10.pdf', 'Answer.pdf', 'exhibit 2.pdf']);
  });
});
