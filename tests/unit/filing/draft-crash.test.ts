import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draft as draftSchema } from '../../../src-main/shared/filing';
import { openDatabase } from '../../../src-main/core/storage/database';
import { createDraftsTable } from '../../../src-main/core/storage/drafts-table';
import { testBuildFolder } from '../../support/paths';

const folder = mkdtempSync(path.join(tmpdir(), 'ecf-draft-crash-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the editor until it has acknowledged at least `minimum` saves, then kills it with SIGKILL at a random moment. */
function editThenKill(databaseFile: string, draftId: string, minimum: number): Promise<number> {
  const child = spawn(
    process.execPath,
    [path.join(testBuildFolder, 'processes', 'draft-editor.js'), databaseFile, draftId],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let acknowledged = 0;
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString().matchAll(/saved (\d+)/g)) {
        acknowledged = Math.max(acknowledged, Number(match[1]));
      }
      if (acknowledged >= minimum && !child.killed) {
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 30);
      }
    });
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acknowledged) : reject(new Error(`the editor stopped on its own: ${errors}`)),
    );
  });
}

describe('drafts survive a crash', () => {
  it('keeps the last acknowledged edit, whole, when the app is killed mid-edit (8 rounds)', async () => {
    const databaseFile = path.join(folder, 'ecf-desk.sqlite');
    for (let round = 1; round <= 8; round += 1) {
      const acknowledged = await editThenKill(databaseFile, 'crash-draft', 20 + Math.floor(Math.random() * 200));
      const db = openDatabase(databaseFile);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const saved = createDraftsTable(db).find('crash-draft');
        // Whole: it reads back as a valid draft, its signers belonging to the same edit as its text.
        expect(draftSchema.safeParse(saved).success).toBe(true);
        const edit = Number(/edit (\d+)/.exec(saved?.docketAnnotation ?? '')?.[1]);
        expect(edit).toBeGreaterThanOrEqual(acknowledged);
        expect(saved?.signers).toHaveLength((edit % 5) + 1);
        expect(saved?.signers.every((signer) => signer.name.endsWith(`of edit ${edit}`))).toBe(true);
      } finally {
        db.close();
      }
    }
  }, 120_000);
});
