import type { IncomingMessage } from 'node:http';
import { maxDocumentBytes } from '../shared/contract';
import { argumentsHeader, bytesContentType, bytesField } from '../shared/wire';

/** Largest JSON body a call may carry; only file uploads are big, and those come as raw bytes. */
const maxJsonBytes = 1024 * 1024;

/** A request body that could not be turned into arguments, with the reason for the caller. */
export class UnreadableCall extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw new UnreadableCall(`the request is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request) {
    total += (chunk as Buffer).length;
    if (total > limit) throw new UnreadableCall(`the request is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Turns an HTTP request into a call's raw arguments (validated afterwards by the contract, like IPC):
 * JSON for ordinary calls; for a file, the body is the bytes and the other arguments ride in a header.
 */
export async function readCallArguments(request: IncomingMessage): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith(bytesContentType)) {
    const header = request.headers[argumentsHeader];
    let rest: unknown;
    try {
      rest = JSON.parse(decodeURIComponent(typeof header === 'string' ? header : '{}'));
    } catch {
      throw new UnreadableCall(`the ${argumentsHeader} header is not JSON`);
    }
    if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) throw new UnreadableCall('the arguments must be an object');
    const body = await readBody(request, maxDocumentBytes);
    return { ...rest, [bytesField]: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  }
  if (!type.startsWith('application/json')) throw new UnreadableCall('the request must be JSON or a file');
  const body = await readBody(request, maxJsonBytes);
  try {
    return body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    throw new UnreadableCall('the request body is not valid JSON');
  }
}
