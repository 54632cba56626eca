import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/paths';

// The probes are files that do not exist, which type-aware lint cannot read (floating-promises.test.ts tests those rules).
const eslint = new ESLint({
  cwd: projectRoot,
  overrideConfigFile: path.join(projectRoot, 'src-main/build/eslint.config.mjs'),
  overrideConfig: tseslint.configs.disableTypeChecked,
});

/** The rule ids lint reports for a snippet placed at a path in the project. */
async function ruleIdsFor(relativePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, relativePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('lint enforces the runtime of each folder', () => {
  it('fails when core imports electron', async () => {
    expect(
      await ruleIdsFor(
        'src-main/core/documents/probe.ts',
        "import { app } from 'electron';\nexport const name = app.name;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('fails when shared imports a Node built-in or another layer', async () => {
    expect(
      await ruleIdsFor('src-main/shared/probe.ts', "import path from 'node:path';\nexport const sep = path.sep;\n"),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIdsFor(
        'src-main/shared/probe.ts',
        "import { AppError } from '../core/errors';\nexport const E = AppError;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('fails when the renderer imports Node, electron or core', async () => {
    expect(
      await ruleIdsFor(
        'src-renderer/probe.ts',
        "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIdsFor(
        'src-renderer/probe.ts',
        "import { ipcRenderer } from 'electron';\nexport const ipc = ipcRenderer;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIdsFor(
        'src-renderer/probe.ts',
        "import { dispatch } from '../src-main/core/api/dispatch';\nexport const d = dispatch;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('lets only the CLI import the firm server, and keeps electron out of it', async () => {
    const start =
      "import { startFirmServer } from '../firm-server/firm-server';\nexport const start = startFirmServer;\n";
    for (const folder of ['core/firm', 'web', 'training-court']) {
      expect(await ruleIdsFor(`src-main/${folder}/probe.ts`, start)).toContain('no-restricted-imports');
    }
    expect(await ruleIdsFor('src-main/cli/probe.ts', start)).not.toContain('no-restricted-imports');
    expect(
      await ruleIdsFor(
        'src-main/firm-server/probe.ts',
        "import { app } from 'electron';\nexport const name = app.name;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('allows raw ipcMain only in the shell’s IPC module', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const ipc = ipcMain;\n";
    expect(await ruleIdsFor('src-main/shell/window-probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src-main/shell/ipc.ts', code)).not.toContain('no-restricted-imports');
  });

  it('allows raw ipcRenderer only in the preload module', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const ipc = ipcRenderer;\n";
    expect(await ruleIdsFor('src-main/preload/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src-main/preload/preload.ts', code)).not.toContain('no-restricted-imports');
  });

  it('keeps pdf-lib’s unbounded parse and page walk away from untrusted PDFs', async () => {
    expect(
      await ruleIdsFor(
        'src-main/core/documents/probe.ts',
        "import { PDFDocument } from 'pdf-lib';\nexport const load = PDFDocument.load;\n",
      ),
    ).toContain('no-restricted-imports');
    const walk =
      "import type { PDFDocument } from '@cantoo/pdf-lib';\nexport const count = (document: PDFDocument) => document.getPageCount();\n";
    expect(await ruleIdsFor('src-main/training-court/probe.ts', walk)).toContain('no-restricted-syntax');
    const parse =
      "import { PDFDocument } from '@cantoo/pdf-lib';\nexport const parse = (bytes: Uint8Array) => PDFDocument.load(bytes);\n";
    expect(await ruleIdsFor('src-main/core/preflight/fixes/probe.ts', parse)).toContain('no-restricted-syntax');
    expect(await ruleIdsFor('src-main/core/preflight/parse/load-document.ts', parse)).not.toContain(
      'no-restricted-syntax',
    );
  });

  it('allows shell.openExternal only inside the one guarded function', async () => {
    const code = "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n";
    expect(await ruleIdsFor('src-main/shell/window-probe.ts', code)).toContain('no-restricted-properties');
    expect(await ruleIdsFor('src-main/shell/open-external.ts', code)).not.toContain('no-restricted-properties');
  });
});
