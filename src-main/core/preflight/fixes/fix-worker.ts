import type { FixOutcome } from '../../ports';
import { serveOneTask } from '../../workers/worker-side';
import { makeFix, type FixTask } from './worker-fixes';

/** The worker side of `createWorkerFixer`: one document and one fix in, the fixed version or parts out. */
serveOneTask<FixTask, FixOutcome, never>((task) => makeFix(task));
