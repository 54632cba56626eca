import { build } from 'esbuild';
import path from 'node:path';
import { isolatedBundles } from '../../src-main/build/isolated-bundles.mjs';
import { singleFilePdfLib } from '../../src-main/build/single-file-pdf-lib.mjs';
import { projectRoot, testBuildFolder } from './paths';

/**
 * The Node bundles unit tests run as the app ships them (the child process and its jobs, the CLI, the training court),
 * the processes crash tests kill, and the processes hostile inputs are read in so that a crash ends them rather than the
 * test runner.
 */
const bundles = [
  ...isolatedBundles,
  { entry: 'src-main/cli/ecf-desk.ts', out: 'cli/ecf-desk.js' },
  { entry: 'src-main/training-court/cli.ts', out: 'training-court/cli.js' },
  { entry: 'tests/support/processes/draft-editor.ts', out: 'processes/draft-editor.js' },
  { entry: 'tests/support/processes/read-page.ts', out: 'processes/read-page.js' },
  { entry: 'tests/support/processes/untrusted-pdf.ts', out: 'processes/untrusted-pdf.js' },
];

/** Bundles them once per test run. */
export default async function setup(): Promise<void> {
  await Promise.all(
    bundles.map(({ entry, out }) =>
      build({
        entryPoints: [path.join(projectRoot, entry)],
        outfile: path.join(testBuildFolder, out),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        plugins: [singleFilePdfLib],
        logLevel: 'warning',
      }),
    ),
  );
}
