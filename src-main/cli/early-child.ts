import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childExecArgv, childHeapMb, documentsPoolName } from '../core/isolation/child-start';
import type { IsolatedTaskKind } from '../core/isolation/isolated-tasks';
import { nodeChildLauncher } from '../core/isolation/node-child-launcher';
import { prelaunchChild, type PrelaunchedChild } from '../core/isolation/prelaunched-child';
import type { ChildProcessLauncher } from '../core/ports';

// Imported by the command line's entry before any command's code: it must stay small (no zod, no schemas, no readers).

/** The child script (`dist/workers/isolated-child.js`, beside the CLI's own folder). */
export const isolatedChildPath = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'workers',
  'isolated-child.js',
);

let early: PrelaunchedChild | null = null;

/**
 * Starts the documents child now and has it load `job`'s code, while this process still loads the command's own
 * chunks: the two starts overlap instead of following each other. The readers the command opens take this child
 * (`childLauncher`); a command that ends without them leaves none behind (`dismissEarlyChild`, and at exit).
 */
export function startChildEarly(job: IsolatedTaskKind): void {
  if (early) {
    return;
  }
  early = prelaunchChild(
    {
      scriptPath: isolatedChildPath,
      execArgv: childExecArgv(childHeapMb),
      name: documentsPoolName,
      preload: [job],
    },
    nodeChildLauncher,
  );
  // `process.exit` (a usage error) skips everything but 'exit' listeners; a kill is synchronous, so it still happens.
  process.once('exit', dismissEarlyChild);
}

/** How the command's readers start children: the first gets the child started early, if there is one. */
export function childLauncher(): ChildProcessLauncher {
  return early ?? nodeChildLauncher;
}

/** Ends the child started early if no readers took it, so it neither runs on nor keeps this process alive. */
export function dismissEarlyChild(): void {
  early?.dismiss();
}
