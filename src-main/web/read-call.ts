import type { IncomingMessage } from 'node:http';
import type { ByteBudget, ByteHold } from '../core/byte-budget';
import { maxDocumentBytes } from '../shared/contract';
import { argumentsHeader, bytesContentType, bytesField } from '../shared/wire';

/** Largest JSON body a call may carry; only file uploads are big, and those come as raw bytes. */
export const maxJsonBytes = 1024 * 1024;

/** A request body that could not be turned into arguments, with the reason for the caller. */
export class UnreadableCall extends Error {}

/**
 * The room request bodies are read into, shared by every call: file bodies under one budget, JSON bodies under
 * another, so a large upload waiting for room never holds up the small calls that keep the screen up to date.
 */
export interface BodyBudgets {
  readonly files: ByteBudget;
  readonly json: ByteBudget;
}

/** A call's raw arguments, and the room its body takes until the call is answered (then `hold.release()`). */
export interface ReadCall {
  readonly args: unknown;
  readonly hold: ByteHold;
}

/** The declared Content-Length, or null for a body sent in chunks. */
function declaredLength(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  if (header === undefined) {
    return null;
  }
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : Number.POSITIVE_INFINITY;
}

/**
 * Reads a body once the budget has room for it. Until then not a byte is read: the socket's buffers fill and TCP
 * holds the sender back. A declared length is read into one buffer of exactly that size, so the room held is the
 * memory used; a chunked body holds the whole limit, as it may grow to it.
 */
async function readBody(
  request: IncomingMessage,
  limit: number,
  budget: ByteBudget,
): Promise<{ body: Buffer; hold: ByteHold }> {
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) {
    throw new UnreadableCall(`the request is larger than ${limit} bytes`);
  }
  const abandoned = new AbortController();
  const onClose = (): void => abandoned.abort(new UnreadableCall('the request was abandoned before it was read'));
  request.once('close', onClose);
  let hold: ByteHold;
  try {
    hold = await budget.hold(declared ?? limit, abandoned.signal);
  } finally {
    request.off('close', onClose);
  }
  try {
    return { body: declared === null ? await readChunks(request, limit) : await readExactly(request, declared), hold };
  } catch (error) {
    hold.release();
    throw error;
  }
}

async function readExactly(request: IncomingMessage, length: number): Promise<Buffer> {
  const body = Buffer.allocUnsafe(length);
  let received = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    if (received + bytes.length > length) {
      throw new UnreadableCall('the request is longer than its Content-Length');
    }
    bytes.copy(body, received);
    received += bytes.length;
  }
  if (received !== length) {
    throw new UnreadableCall('the request ended before its Content-Length');
  }
  return body;
}

async function readChunks(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > limit) {
      throw new UnreadableCall(`the request is larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Turns an HTTP request into a call's raw arguments (validated afterwards by the contract, like IPC):
 * JSON for ordinary calls; for a file, the body is the bytes and the other arguments ride in a header.
 * The body waits for room in `budgets` before it is read; the caller releases the hold once the call is answered.
 */
export async function readCallArguments(request: IncomingMessage, budgets: BodyBudgets): Promise<ReadCall> {
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith(bytesContentType)) {
    const header = request.headers[argumentsHeader];
    let rest: unknown;
    try {
      rest = JSON.parse(decodeURIComponent(typeof header === 'string' ? header : '{}'));
    } catch {
      throw new UnreadableCall(`the ${argumentsHeader} header is not JSON`);
    }
    if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) {
      throw new UnreadableCall('the arguments must be an object');
    }
    const { body, hold } = await readBody(request, maxDocumentBytes, budgets.files);
    return { args: { ...rest, [bytesField]: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) }, hold };
  }
  if (!type.startsWith('application/json')) {
    throw new UnreadableCall('the request must be JSON or a file');
  }
  const { body, hold } = await readBody(request, maxJsonBytes, budgets.json);
  try {
    return { args: body.length ? JSON.parse(body.toString('utf8')) : {}, hold };
  } catch {
    hold.release();
    throw new UnreadableCall('the request body is not valid JSON');
  }
}
