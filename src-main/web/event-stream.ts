import type { ServerResponse } from 'node:http';
import type { EmitEvent } from '../core/ports';
import { securityHeaders } from './security-headers';

/** The open event streams of browser-mode pages, and the `emit` that writes to all of them. */
export interface EventStreams {
  readonly emit: EmitEvent;
  open(response: ServerResponse): void;
  closeAll(): void;
}

/**
 * How far a stream may fall behind, in bytes written but not yet taken by its page: thousands of events (each a few
 * hundred bytes). A page that stopped reading (frozen, or never meaning to read) would otherwise make the server keep
 * every event for it; its stream is closed instead, and a page that comes back connects again.
 */
export const maxUnsentEventBytes = 1024 * 1024;

/** Keeps one server-sent-event stream per open page; a comment every 15 s keeps idle streams alive. */
export function createEventStreams(): EventStreams {
  const streams = new Set<ServerResponse>();

  const write = (stream: ServerResponse, frame: string): void => {
    if (stream.writableLength > maxUnsentEventBytes) {
      streams.delete(stream);
      stream.destroy();
      return;
    }
    stream.write(frame);
  };

  const heartbeat = setInterval(() => streams.forEach((stream) => write(stream, ': keep-alive\n\n')), 15_000);
  heartbeat.unref();
  return {
    emit(event, payload) {
      const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
      streams.forEach((stream) => write(stream, frame));
    },
    open(response) {
      response.writeHead(200, {
        ...securityHeaders,
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': open\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
    },
    closeAll() {
      clearInterval(heartbeat);
      streams.forEach((stream) => stream.end());
      streams.clear();
    },
  };
}
