import { serveIsolatedTasks } from './child-side';

// The child process's entry (`dist/workers/isolated-child.js`): it runs the jobs of `isolated-tasks.ts` for the pool.
serveIsolatedTasks();
