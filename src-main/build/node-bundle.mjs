// How every Node bundle is built (the CLI, the child process and its jobs, the servers): one set of esbuild options,
// shared by build.mjs and the unit tests' global setup, so the tests run the code as it ships.
import path from 'node:path';
import { bundledPackages } from './bundled-packages.mjs';

/**
 * esbuild's options for one bundle written to `outRoot/out`. Packages stay external (native better-sqlite3, ESM conf),
 * all but pdf-lib and zod (bundled-packages.mjs). A `split` bundle keeps each dynamic `import()` in a chunk of its
 * own beside it, loaded only when that code runs: the CLI starts a command without compiling the others.
 */
export function nodeBundleOptions({ entry, out, split = false }, { root, outRoot }) {
  const outfile = path.join(outRoot, out);
  const output = split
    ? {
        outdir: path.dirname(outfile),
        splitting: true,
        entryNames: path.basename(out, '.js'),
        chunkNames: `${path.basename(out, '.js')}-[name]-[hash]`,
      }
    : { outfile };
  return {
    entryPoints: [path.join(root, entry)],
    ...output,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    plugins: [bundledPackages],
    logLevel: 'warning',
  };
}
