/**
 * V8's heap limit in each child process, in MB. One value for the pools and for a child the command line starts ahead
 * of its pool (`prelaunched-child.ts`), which a pool takes over only when its arguments are the pool's own.
 */
export const childHeapMb = 1536;

/** The Node flags a child process is started with. */
export function childExecArgv(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`];
}

/** The documents pool's name (preflight, fixes, PDF facts), for the log and the OS's process list. */
export const documentsPoolName = 'ECF Desk documents';
