import { build } from 'esbuild';
import path from 'node:path';
import { projectRoot, testBuildFolder } from './paths';

/**
 * The Node bundles unit tests run as the app ships them (the workers, the CLI, the training court), the processes
 * crash tests kill, and the process hostile PDFs are read in so that a crash ends it rather than the test runner.
 */
const bundles = [
  { entry: 'src-main/core/documents/pdf-facts-worker.ts', out: 'workers/pdf-facts.js' },
  { entry: 'src-main/core/preflight/preflight-worker.ts', out: 'workers/preflight.js' },
  { entry: 'src-main/core/preflight/fixes/fix-worker.ts', out: 'workers/fixes.js' },
  { entry: 'src-main/core/inbox/nef/notice-worker.ts', out: 'workers/notices.js' },
  { entry: 'src-main/cli/ecf-desk.ts', out: 'cli/ecf-desk.js' },
  { entry: 'src-main/training-court/cli.ts', out: 'training-court/cli.js' },
  { entry: 'tests/support/processes/draft-editor.ts', out: 'processes/draft-editor.js' },
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
        logLevel: 'warning',
      }),
    ),
  );
}
