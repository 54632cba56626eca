import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testBuildFolder } from './paths';

/** One of the app's readers of untrusted PDFs, as tests/support/processes/untrusted-pdf.ts names them. */
export type UntrustedPdfOperation = 'preflight' | 'facts' | 'clean-copy' | 'split' | 'court-upload';

/** How a run in a process of its own ended: its outcome and peak memory, or how the process died. */
export interface OwnProcessRun {
  /** What the operation returned, as JSON; null when the process died first. */
  readonly outcome: unknown;
  /** The process's peak resident memory in MB; null when it died first. */
  readonly peakRssMb: number | null;
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** The end of what it wrote to stderr (V8's last words when it aborts). */
  readonly stderr: string;
}

/**
 * Runs `operation` on `bytes` in a Node process of its own with a `maxOldSpaceMb` heap, so a hostile file that
 * makes V8 abort ends that process and not the test runner, and its peak memory can be read.
 */
export function readInOwnProcess(
  operation: UntrustedPdfOperation,
  bytes: Uint8Array,
  options: { maxOldSpaceMb?: number; timeoutMs?: number } = {},
): Promise<OwnProcessRun> {
  const folder = mkdtempSync(path.join(tmpdir(), 'ecf-untrusted-'));
  const file = path.join(folder, 'input.pdf');
  writeFileSync(file, bytes);
  const script = path.join(testBuildFolder, 'processes', 'untrusted-pdf.js');
  const args = [`--max-old-space-size=${options.maxOldSpaceMb ?? 512}`, script, operation, file];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        rmSync(folder, { recursive: true, force: true });
        const failure = error as (Error & { code?: number | string; signal?: string | null }) | null;
        const parsed = failure === null ? readLastLine(stdout) : null;
        resolve({
          outcome: parsed?.outcome ?? null,
          peakRssMb: parsed?.peakRssMb ?? null,
          exitCode: failure === null ? 0 : typeof failure.code === 'number' ? failure.code : null,
          signal: failure?.signal ?? null,
          stderr: stderr.slice(-2000),
        });
      },
    );
  });
}

function readLastLine(stdout: string): { outcome: unknown; peakRssMb: number } | null {
  try {
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as { outcome: unknown; peakRssMb: number };
  } catch {
    return null;
  }
}
