import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { settings, type StoredDocument } from '../../../src-main/shared/domain';
import { openDatabase } from '../../../src-main/core/storage/database';
import { createDocumentsTable } from '../../../src-main/core/storage/documents-table';
import { createSettingsFile } from '../../../src-main/core/storage/settings-file';
import { useTempFolder } from './temp-folder';

const rounds = 8;
const rowsPerCommit = 5;
const paddingLength = 64 * 1024;

/** The document a writer adds as its `index`-th row, so a reader can tell a whole row from a torn one. */
function expectedRecord(index: number): StoredDocument {
  return {
    id: `doc-${index}`,
    name: `Exhibit ${index}.pdf`,
    bytes: index * 1000,
    sha256: createHash('sha256').update(String(index)).digest('hex'),
    pages: (index % 90) + 1,
    addedAt: new Date(Date.UTC(2025, 0, 1) + index * 1000).toISOString(),
    problem: null,
    preflight: { state: 'waiting' },
    fixedFrom: null,
  };
}

/**
 * The writer the test kills. It cannot load the TypeScript modules, so it mirrors them: the same
 * pragmas as openDatabase, rows shaped like documents-table inserts them, and conf set up as
 * settings-file sets it up. The schema itself comes from the real migrations, run by the test.
 */
function writerScript(): string {
  const require = createRequire(import.meta.url);
  const sqliteUrl = pathToFileURL(require.resolve('better-sqlite3')).href;
  const confUrl = pathToFileURL(require.resolve('conf')).href;
  return `
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from ${JSON.stringify(sqliteUrl)};
import Conf from ${JSON.stringify(confUrl)};

const folder = process.argv[2];
const db = new Database(path.join(folder, 'ecf-desk.sqlite'));
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
const conf = new Conf({ cwd: folder, configName: 'settings' });

const insert = db.prepare(
  "INSERT INTO documents (id, name, bytes, sha256, pages, problem_code, problem_message, added_at, preflight_state) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, 'waiting')",
);
const addRows = db.transaction((start) => {
  for (let index = start; index < start + ${rowsPerCommit}; index += 1) {
    insert.run(
      'doc-' + index,
      'Exhibit ' + index + '.pdf',
      index * 1000,
      createHash('sha256').update(String(index)).digest('hex'),
      (index % 90) + 1,
      new Date(Date.UTC(2025, 0, 1) + index * 1000).toISOString(),
    );
  }
});
const sorts = ['added', 'name', 'size'];
let next = db.prepare('SELECT count(*) FROM documents').pluck().get();
for (;;) {
  addRows(next);
  next += ${rowsPerCommit};
  process.stdout.write('committed ' + next + '\\n');
  conf.set({ documentsSort: sorts[next % 3], crashProbe: { committed: next, padding: String(next % 10).repeat(${paddingLength}) } });
}
`;
}

/** Resolves with the committed count the writer reported last, once it has been killed and has exited. */
function killWhileWriting(child: ChildProcess, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let lastCommitted = 0;
    let buffered = '';
    let timer: NodeJS.Timeout | undefined;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        lastCommitted = Number(line.replace('committed ', ''));
      }
      // The clock starts at the first commit, so every kill lands in the middle of writing, not during start-up.
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`The writer stopped on its own before it was killed:\n${errors}`));
        return;
      }
      resolve(lastCommitted);
    });
  });
}

describe('crash safety', () => {
  const temp = useTempFolder();

  it('killing the app at any moment never leaves a corrupt database or settings file', async () => {
    const folder = temp.path;
    const databaseFile = path.join(folder, 'ecf-desk.sqlite');
    openDatabase(databaseFile).close();
    createSettingsFile(folder).write({
      documentsSort: 'added',
      courtProfile: 'cit-training',
      allowCredentialStorage: true,
      mailboxes: [],
    });
    const script = path.join(folder, 'writer.mjs');
    writeFileSync(script, writerScript());

    let previousCount = 0;
    for (let round = 1; round <= rounds; round += 1) {
      const delayMs = 20 + Math.floor(Math.random() * 181);
      const where = `round ${round}, killed ${delayMs} ms after the first commit`;
      const child = spawn(process.execPath, [script, folder], { stdio: ['ignore', 'pipe', 'pipe'] });
      const reportedCommitted = await killWhileWriting(child, delayMs);

      const db = openDatabase(databaseFile);
      try {
        expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
        const listed = createDocumentsTable(db).list();
        const count = listed.length;
        expect(count, `${where}: rows only grow`).toBeGreaterThanOrEqual(previousCount);
        expect(count, `${where}: every commit the writer reported is there`).toBeGreaterThanOrEqual(reportedCommitted);
        expect(count % rowsPerCommit, `${where}: commits are all-or-nothing`).toBe(0);
        const expected = Array.from({ length: count }, (_, index) => expectedRecord(index)).reverse();
        expect(listed, `${where}: every row is whole`).toEqual(expected);
        previousCount = count;
      } finally {
        db.close();
      }

      const text = readFileSync(path.join(folder, 'settings.json'), 'utf8');
      const stored = JSON.parse(text) as { crashProbe?: { committed: number; padding: string } };
      expect(settings.safeParse(stored).success, `${where}: settings have a valid shape`).toBe(true);
      if (stored.crashProbe !== undefined) {
        expect(stored.crashProbe.padding, `${where}: settings were written whole`).toBe(
          String(stored.crashProbe.committed % 10).repeat(paddingLength),
        );
      }
      expect(createSettingsFile(folder).read(), `${where}: the app reads what the writer saved`).toEqual(
        settings.parse(stored),
      );
      expect(
        readdirSync(folder).filter((name) => name.includes('.corrupt-')),
        where,
      ).toEqual([]);
    }
    expect(previousCount, 'the writer committed rows before being killed').toBeGreaterThan(0);
  }, 120_000);
});
