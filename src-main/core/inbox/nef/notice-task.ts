import { isolatedTask } from '../../isolation/isolated-tasks';
import { readNotice } from '../notice-reading';

/** In a child process: one raw email in, what it says (or why it cannot be read) out. */
export default isolatedTask('notice', { run: (bytes) => readNotice(bytes) });
