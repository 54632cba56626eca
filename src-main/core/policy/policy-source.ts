import { execFile } from 'node:child_process';

/** One place machine policy is read from (a registry key, a managed-preferences plist, policy.json). */
export interface PolicySource {
  /** Where the values come from, as the "managed by your organization" note names it. */
  readonly name: string;
  /** The raw values found there, by key; an empty object when there is no policy or it cannot be trusted. */
  read(): Promise<Record<string, unknown>>;
  /** Calls `onSignal` when the policy may have changed; returns a stop function, or null when it cannot watch (the caller polls). */
  watch?(onSignal: () => void): (() => void) | null;
}

/** A line for the app's log; callers never pass it a secret. */
export type PolicyLog = (line: string) => void;

/** What a finished command printed and how it exited. */
export interface CommandOutput {
  readonly stdout: string;
  readonly exitCode: number;
}

/** Runs a program without a shell (`reg`, `plutil`); tests feed recorded output instead. Rejects only when it cannot start. */
export type CommandRunner = (program: string, args: readonly string[]) => Promise<CommandOutput>;

/** The real command runner: execFile, no shell, no window, a time limit and an output limit. */
export const runCommand: CommandRunner = (program, args) =>
  new Promise((resolve, reject) => {
    execFile(
      program,
      [...args],
      { windowsHide: true, timeout: 15_000, maxBuffer: 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => {
        if (error === null) {
          resolve({ stdout, exitCode: 0 });
        } else if (typeof error.code === 'number') {
          resolve({ stdout, exitCode: error.code });
        } else {
          reject(error);
        }
      },
    );
  });
