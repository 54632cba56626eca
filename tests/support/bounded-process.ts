import { spawn } from 'node:child_process';

/** How a child process ended: on its own (with its exit code and output), or killed when its time ran out. */
export interface BoundedRun {
  readonly isKilledForTime: boolean;
  /** null when it was killed, or crashed on a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly milliseconds: number;
}

/**
 * Runs a Node script in a child process and kills it after `timeoutMs`, with its heap capped at `maxOldSpaceMb`.
 * Inputs built to stall a reader (a quadratic regular expression, a loop in a file's links) are tried this way:
 * a reader that hangs or eats memory costs the child, and the test reports a timeout or a crash instead of
 * freezing the runner.
 */
export function runBounded(
  script: string,
  args: readonly string[],
  options: { timeoutMs: number; maxOldSpaceMb?: number },
): Promise<BoundedRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${options.maxOldSpaceMb ?? 512}`, script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let isKilledForTime = false;
  const timer = setTimeout(() => {
    isKilledForTime = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ isKilledForTime, code, signal, stdout, stderr, milliseconds: Math.round(performance.now() - started) });
    });
  });
}

/** Whether a process with this id is still running (a signal 0 reaches it). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
