import { AppError } from '../errors';
import { isolatedTask } from '../isolation/isolated-tasks';
import { readDraftPackage } from './draft-package';

/** In a child process: a hand-off file in, its draft and verified documents (or why it was refused) out. */
export default isolatedTask('draft-package', {
  run: async (bytes) => {
    try {
      return { kind: 'package', ...readDraftPackage(bytes) };
    } catch (error) {
      if (error instanceof AppError) {
        return { kind: 'refused', code: error.code, message: error.message };
      }
      throw error;
    }
  },
});
