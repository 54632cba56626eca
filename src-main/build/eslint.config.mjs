// Lint for the whole project. The runtime of each folder is enforced here (docs/architecture.md#runtimes: a folder is a
// runtime).
import js from '@eslint/js';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const electronOnlyInShell = {
  name: 'electron',
  message:
    'Only src-main/shell and src-main/preload may import electron; core and shared run in plain Node and in tests.',
};
const unboundedPdfLib = {
  name: 'pdf-lib',
  message:
    'Read untrusted PDFs with @cantoo/pdf-lib through src-main/core/preflight/parse (bounded decoding and page walk).',
};
/** pdf-lib's own page walk has no visited set and its parse decodes without limits: untrusted PDFs go through parse/. */
const unboundedPdfReading = [
  {
    selector: 'CallExpression[callee.property.name=/^(getPages|getPageCount|getPage|getPageIndices)$/]',
    message:
      "pdf-lib's page walk has no visited set: take an untrusted PDF's pages from readPageTree (src-main/core/preflight/parse/page-tree.ts).",
  },
  {
    selector: "CallExpression[callee.object.name='PDFDocument'][callee.property.name='load']",
    message:
      'Parse an untrusted PDF with loadDocument (src-main/core/preflight/parse/load-document.ts), which bounds what it decodes.',
  },
];
const nodeBuiltins = {
  group: [
    'node:*',
    'fs',
    'fs/*',
    'path',
    'os',
    'child_process',
    'crypto',
    'http',
    'https',
    'net',
    'worker_threads',
    'url',
    'util',
  ],
  message: 'This folder runs outside Node (shared is isomorphic; the renderer is a web page): no Node built-ins.',
};

const noHost = {
  group: ['**/shell/**', '**/preload/**', '**/src-renderer/**'],
  message: 'Core, browser mode, the CLI and the firm server may not depend on a host.',
};
/** The firm server is a process of its own (`ecf-desk server`); core holds its rules, and nothing else starts it. */
const onlyTheCliStartsTheFirmServer = {
  group: ['**/firm-server/**'],
  message:
    'Only the CLI (ecf-desk server) may import src-main/firm-server; shared logic belongs in src-main/core/firm.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'tests/.output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Every if, else and loop body in braces: a line added under an unbraced one silently runs outside it.
      curly: ['error', 'all'],
    },
  },
  {
    // Type-aware rules, for the code each tsconfig holds (`tsc -b` builds the same files). A promise nobody awaits is a
    // failure nobody sees: await it, or hand it to runInBackground (src-main/core/background.ts; the renderer's in
    // src-renderer/state/background.ts), which logs what failed.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx,mts}'],
    ignores: ['src-main/build/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: projectRoot } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src-main/core/**', 'src-main/web/**', 'src-main/training-court/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell, unboundedPdfLib], patterns: [noHost, onlyTheCliStartsTheFirmServer] },
      ],
    },
  },
  {
    files: ['src-main/cli/**', 'src-main/firm-server/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, unboundedPdfLib], patterns: [noHost] }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/core/preflight/parse/load-document.ts'],
    rules: { 'no-restricted-syntax': ['error', ...unboundedPdfReading] },
  },
  {
    files: ['src-main/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [nodeBuiltins, { group: ['../*', '!./*'], message: 'shared imports zod and itself only.' }],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/src-main/core/**', '**/src-main/shell/**', '**/src-main/preload/**', '**/src-main/web/**'],
              message: 'The renderer reaches main only through bridge.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/shell/**'],
    ignores: ['src-main/shell/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Raw ipcMain is used only in src-main/shell/ipc.ts, which validates every call.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/preload/**'],
    ignores: ['src-main/preload/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcRenderer'],
              message: 'Raw ipcRenderer is used only in src-main/preload/preload.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    ignores: ['src-main/shell/open-external.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'shell',
          property: 'openExternal',
          message: 'Open links only through openExternalSafely (src-main/shell/open-external.ts).',
        },
      ],
    },
  },
  {
    files: ['tests/**', 'src-main/build/**'],
    rules: { 'no-console': 'off' },
  },
);
