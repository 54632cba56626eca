import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventStreams, maxUnsentEventBytes, type EventStreams } from '../../../src-main/web/event-stream';

// A page's event stream must not make the server keep every event for a page that stopped reading. Driven by
// counting what the server holds after each batch of events, never by time.

let server: Server;
let streams: EventStreams;
let opened: ServerResponse[] = [];
const sockets: Socket[] = [];

async function startStreams(): Promise<number> {
  streams = createEventStreams();
  opened = [];
  server = createServer((_request, response) => {
    opened.push(response);
    streams.open(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A raw client that asks for the stream; it reads only when told to. */
async function openStream(port: number): Promise<{ socket: Socket; received: () => number }> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = 0;
  socket.on('data', (chunk: Buffer) => (received += chunk.length));
  socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  const before = opened.length;
  while (opened.length === before) {
    await nextTurn();
  }
  return { socket, received: () => received };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** One event of about 10 KB: the name of a document being added. */
function emitLargeEvent(): void {
  streams.emit('documents.progress', { jobId: 'j', name: 'x'.repeat(10_000), phase: 'hashing', fraction: 0.5 });
}

afterEach(async () => {
  sockets.splice(0).forEach((socket) => socket.destroy());
  streams.closeAll();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('event streams in browser mode', () => {
  it('closes the stream of a page that stops reading, having kept at most about a megabyte for it', async () => {
    const port = await startStreams();
    const { socket } = await openStream(port);
    socket.pause();
    const [stream] = opened;
    let mostUnsent = 0;
    // 64 MB of events: far more than every socket buffer between the two ends can take.
    for (let batch = 0; batch < 640 && !stream?.destroyed; batch += 1) {
      for (let event = 0; event < 10; event += 1) {
        emitLargeEvent();
      }
      mostUnsent = Math.max(mostUnsent, stream?.writableLength ?? 0);
      await nextTurn();
    }
    expect(stream?.destroyed).toBe(true);
    expect(mostUnsent).toBeLessThanOrEqual(maxUnsentEventBytes + 10 * 10_100);
  });

  it('keeps the stream of a page that reads, however many events it is sent', async () => {
    const port = await startStreams();
    const reader = await openStream(port);
    const [stream] = opened;
    for (let batch = 0; batch < 200; batch += 1) {
      for (let event = 0; event < 10; event += 1) {
        emitLargeEvent();
      }
      while ((stream?.writableLength ?? 0) > 0) {
        await nextTurn();
      }
    }
    expect(stream?.destroyed).toBe(false);
    while (reader.received() < 2_000 * 10_000) {
      await nextTurn();
    }
  });
});
