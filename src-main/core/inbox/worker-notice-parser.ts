import { createWorkerTaskRunner, transferableCopy, type WorkerFailure, type WorkerLimits } from '../workers/worker-task-runner';
import { parseNotice } from './nef/parse-notice';
import type { ParsedNotice } from './nef/notice-types';

/** What reading one email came to: the notice, or why it could not be read. */
export type NoticeReading = { readonly kind: 'read'; readonly notice: ParsedNotice } | { readonly kind: 'unreadable'; readonly reason: string };

/** Reads emails into notices; the hosts do it in workers, tests may do it in process. */
export interface NoticeParser {
  parse(raw: Uint8Array): Promise<NoticeReading>;
  close(): Promise<void>;
}

const defaultLimits: WorkerLimits = { timeoutMs: 20_000, maxMemoryMb: 256 };

function describeFailure(failure: WorkerFailure): NoticeReading {
  switch (failure.kind) {
    case 'timeout':
      return { kind: 'unreadable', reason: 'reading it took too long; it may be built to stall a mail reader' };
    case 'out-of-memory':
      return { kind: 'unreadable', reason: 'it needs more memory than one email may use' };
    case 'cancelled':
      return { kind: 'unreadable', reason: 'reading it was cancelled' };
    case 'crashed':
      return { kind: 'unreadable', reason: failure.reason };
  }
}

/**
 * Emails are hostile input (DESIGN.md, security rules): each one is parsed in a fresh worker with a time and memory
 * limit, so a crafted message costs one worker, never the app.
 */
export function createWorkerNoticeParser(workerScriptPath: string, limits: WorkerLimits = defaultLimits): NoticeParser {
  const runner = createWorkerTaskRunner<Uint8Array, NoticeReading>(workerScriptPath, limits, describeFailure);
  return {
    parse(raw) {
      const copy = transferableCopy(raw);
      return runner.run(copy, { transfer: [copy.buffer as ArrayBuffer] });
    },
    close: () => runner.close(),
  };
}

/** The same, in this process: for tests and tools that parse trusted or few emails. */
export const inProcessNoticeParser: NoticeParser = {
  async parse(raw) {
    try {
      return { kind: 'read', notice: await parseNotice(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)) };
    } catch (error) {
      return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
  },
  close: async () => undefined,
};
