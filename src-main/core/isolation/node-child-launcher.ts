import { fork } from 'node:child_process';
import type { ChildProcessHandle, ChildProcessLauncher } from '../ports';

/** The environment a child gets: only what Node needs to find temporary folders and system libraries, nothing of the app's. */
export function childEnvironment(parent: NodeJS.ProcessEnv): Record<string, string> {
  const kept = ['PATH', 'SystemRoot', 'SYSTEMROOT', 'TEMP', 'TMP', 'TMPDIR', 'LANG'];
  return Object.fromEntries(kept.flatMap((name) => (parent[name] === undefined ? [] : [[name, parent[name]]])));
}

/**
 * Children started with Node's `fork`: messages as structured clones (`serialization: 'advanced'`, so bytes travel as
 * bytes), no input, no standard output, and the error output piped back for the reason a child failed.
 */
export const nodeChildLauncher: ChildProcessLauncher = {
  launch(scriptPath, options): ChildProcessHandle {
    const child = fork(scriptPath, [...(options.preload ?? [])], {
      execArgv: [...options.execArgv],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: childEnvironment(process.env),
    });
    child.stderr?.setEncoding('utf8');
    // A child that dies mid-send makes the channel fail; the exit that follows tells the pool what happened.
    child.on('error', () => undefined);
    return {
      send: (message) => {
        if (child.connected) {
          child.send(message as never, (error) => (error ? child.kill('SIGKILL') : undefined));
        }
      },
      onMessage: (listener) => void child.on('message', listener),
      onErrorOutput: (listener) => void child.stderr?.on('data', listener),
      // 'close' comes after 'exit' once the error output is read to the end, so the reason for a failure is all there.
      onExit: (listener) => void child.once('close', (code, signal) => listener({ code, signal })),
      kill: () => void child.kill('SIGKILL'),
    };
  },
};
