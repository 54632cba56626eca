import { build } from 'esbuild';
import { isolatedBundles } from '../../src-main/build/isolated-bundles.mjs';
import { nodeBundleOptions, type NodeBundle } from '../../src-main/build/node-bundle.mjs';
import { projectRoot, testBuildFolder } from './paths';

/**
 * The Node bundles unit tests run as the app ships them (the child process and its jobs, the CLI, the training court),
 * the processes crash tests kill, and the processes hostile inputs are read in so that a crash ends them rather than the
 * test runner.
 */
const bundles: readonly NodeBundle[] = [
  ...isolatedBundles,
  { entry: 'src-main/cli/ecf-desk.ts', out: 'cli/ecf-desk.js', split: true },
  { entry: 'src-main/training-court/cli.ts', out: 'training-court/cli.js' },
  { entry: 'tests/support/processes/draft-editor.ts', out: 'processes/draft-editor.js' },
  { entry: 'tests/support/processes/read-page.ts', out: 'processes/read-page.js' },
  { entry: 'tests/support/processes/untrusted-pdf.ts', out: 'processes/untrusted-pdf.js' },
];

/** Bundles them once per test run. */
export default async function setup(): Promise<void> {
  await Promise.all(
    bundles.map((bundle) => build(nodeBundleOptions(bundle, { root: projectRoot, outRoot: testBuildFolder }))),
  );
}
