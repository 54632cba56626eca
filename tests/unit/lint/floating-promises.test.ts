import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/paths';

const eslint = new ESLint({
  cwd: projectRoot,
  overrideConfigFile: path.join(projectRoot, 'src-main/build/eslint.config.mjs'),
});

/**
 * The rule ids lint reports for a snippet in place of a file of the project. Type-aware rules read the types through
 * the file's tsconfig, which holds only files that exist: so the snippet stands in for one (its text is not written).
 */
async function ruleIdsFor(relativePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, relativePath) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const started = 'const save = async (): Promise<void> => undefined;\n';

describe('lint lets no promise float', () => {
  it('fails a promise nobody awaits, in core and in the renderer', async () => {
    expect(
      await ruleIdsFor('src-main/core/ports.ts', `${started}export function go(): void {\n  save();\n}\n`),
    ).toContain('@typescript-eslint/no-floating-promises');
    expect(
      await ruleIdsFor('src-renderer/bridge.ts', `${started}export function go(): void {\n  save();\n}\n`),
    ).toContain('@typescript-eslint/no-floating-promises');
  });

  it('no longer lets `void` hide one', async () => {
    expect(
      await ruleIdsFor('src-main/core/ports.ts', `${started}export function go(): void {\n  void save();\n}\n`),
    ).toContain('@typescript-eslint/no-floating-promises');
  });

  it('fails a promise handed where nothing waits for it', async () => {
    expect(
      await ruleIdsFor(
        'src-main/core/ports.ts',
        `export function go(): void {\n  [1, 2].forEach(async () => undefined);\n}\n`,
      ),
    ).toContain('@typescript-eslint/no-misused-promises');
  });

  it('passes work handed to runInBackground, and work awaited', async () => {
    const ids = await ruleIdsFor(
      'src-main/core/ports.ts',
      `import { runInBackground } from './background';\nimport type { AppLog } from './storage/app-log';\n${started}` +
        `export async function go(log: AppLog): Promise<void> {\n  runInBackground('Saving', save(), log);\n  await save();\n}\n`,
    );
    expect(ids).toEqual([]);
  });
});
