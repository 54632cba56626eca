import { utilityProcess } from 'electron';
import { childEnvironment } from '../../core/isolation/node-child-launcher';
import type { ChildProcessHandle, ChildProcessLauncher } from '../../core/ports';

/**
 * Children as Electron utility processes: the packaged app cannot run as plain Node (its `runAsNode` fuse is off), so
 * Node's `fork` is not available to it. The child speaks through `process.parentPort`, which `child-side.ts` uses
 * when it is there; its error output is piped back for the reason it failed.
 */
export const utilityProcessLauncher: ChildProcessLauncher = {
  launch(scriptPath, options): ChildProcessHandle {
    const child = utilityProcess.fork(scriptPath, [...(options.preload ?? [])], {
      execArgv: [...options.execArgv],
      serviceName: options.name,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: childEnvironment(process.env),
    });
    child.stderr?.setEncoding('utf8');
    // The process has ended when both its exit is known and its error output is read to the end.
    let exitCode: number | null = null;
    let isErrorOutputDone = child.stderr === null;
    let hasExited = false;
    const exitListeners: ((exit: { code: number | null; signal: string | null }) => void)[] = [];
    const finish = (): void => {
      if (!hasExited || !isErrorOutputDone) {
        return;
      }
      for (const listener of exitListeners.splice(0)) {
        listener({ code: exitCode, signal: null });
      }
    };
    child.stderr?.once('end', () => {
      isErrorOutputDone = true;
      finish();
    });
    child.once('exit', (code) => {
      exitCode = code;
      hasExited = true;
      // Electron may leave the pipe open a moment after the exit; the reason is whatever arrived by then.
      setTimeout(() => {
        isErrorOutputDone = true;
        finish();
      }, 200).unref();
      finish();
    });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => void child.on('message', listener),
      onErrorOutput: (listener) => void child.stderr?.on('data', (text: string | Buffer) => listener(String(text))),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => void child.kill(),
    };
  },
};
