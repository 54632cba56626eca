import { isolatedTask } from '../../isolation/isolated-tasks';
import { makeFix } from './make-fix';

/** In a child process: one document and one fix in, the fixed version or the parts out. */
export default isolatedTask('fix', { run: (task) => makeFix(task) });
