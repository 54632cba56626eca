import { build } from 'esbuild';
import path from 'node:path';
import { projectRoot, testPdfWorkerPath } from './paths';

/** Bundles the PDF worker once, so unit tests run the same worker code the app ships. */
export default async function setup(): Promise<void> {
  await build({
    entryPoints: [path.join(projectRoot, 'src-main/core/documents/pdf-facts-worker.ts')],
    outfile: testPdfWorkerPath,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}
