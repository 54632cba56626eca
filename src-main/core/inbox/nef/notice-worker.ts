import { serveOneTask } from '../../workers/worker-side';
import type { NoticeReading } from '../worker-notice-parser';
import { parseNotice } from './parse-notice';

/** The worker side of `createWorkerNoticeParser`: one raw email in, what it says (or why it cannot be read) out. */
serveOneTask<Uint8Array, NoticeReading, never>(async (bytes) => {
  try {
    return { kind: 'read', notice: await parseNotice(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
});
