// Builds everything the two hosts run: the renderer (Vite) and the main-side bundles (esbuild).
import { build as esbuild } from 'esbuild';
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { isolatedBundles } from './isolated-bundles.mjs';
import { nodeBundleOptions } from './node-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');

/** Main-side bundles (node-bundle.mjs says how each is built). */
const nodeBundles = [
  { entry: 'src-main/web/server.ts', out: 'web/server.js' },
  { entry: 'src-main/shell/main.ts', out: 'shell/main.js' },
  ...isolatedBundles,
  { entry: 'src-main/cli/ecf-desk.ts', out: 'cli/ecf-desk.js', split: true, banner: { js: '#!/usr/bin/env node' } },
  { entry: 'src-main/training-court/cli.ts', out: 'training-court/cli.js' },
  { entry: 'src-main/core/inbox/store/bench-entry.ts', out: 'bench/inbox.js' },
  { entry: 'src-main/firm-server/bench-entry.ts', out: 'bench/server.js' },
];

async function buildMain() {
  await Promise.all(
    nodeBundles.map((bundle) =>
      esbuild({ ...nodeBundleOptions(bundle, { root, outRoot: dist }), banner: bundle.banner, sourcemap: true }),
    ),
  );
  // A sandboxed preload may load nothing but `electron`: everything else is bundled in, as CommonJS.
  await esbuild({
    entryPoints: [path.join(root, 'src-main/preload/preload.ts')],
    outfile: path.join(dist, 'preload/preload.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

async function buildRenderer() {
  await viteBuild({ configFile: path.join(root, 'src-renderer/vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
}

await rm(dist, { recursive: true, force: true });
await Promise.all([buildMain(), buildRenderer()]);
// package.json's bin: `npx ecf-desk` runs the file itself, so it must be executable.
await chmod(path.join(dist, 'cli', 'ecf-desk.js'), 0o755);
if (!quiet) {
  process.stdout.write('Built into dist/.\n');
}
