import { describe, expect, it } from 'vitest';
import {
  createEventStreamParser,
  maxEventBytes,
  type ServerSentEvent,
} from '../../../src-main/core/firm-connection/event-stream';

// The firm server's event stream as the desktop reads it: the WHATWG text/event-stream format, arriving in pieces of any
// size, and bounded, since it comes from the network.

function parse(pieces: readonly string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = createEventStreamParser((event) => events.push(event));
  pieces.forEach((piece) => parser.push(piece));
  return events;
}

describe('reading a server-sent event stream', () => {
  it('reads named and unnamed events, joins data lines, and skips comments and other fields', () => {
    expect(
      parse([
        'retry: 2000\nevent: entries\ndata: {}\n\n',
        ': still here\n\n',
        'data: one\ndata: two\nid: 7\n\n',
        'event: entries\ndata:{"case":"1:26-cv-00123"}\n\n',
      ]),
    ).toEqual([
      { event: 'entries', data: '{}' },
      { event: 'message', data: 'one\ntwo' },
      { event: 'entries', data: '{"case":"1:26-cv-00123"}' },
    ]);
  });

  it('gives the same events whatever the pieces the stream arrives in, \\r\\n and \\r included', () => {
    const text = 'event: entries\r\ndata: {}\r\n\r\nevent: entries\rdata: x\r\r';
    const whole = parse([text]);
    expect(whole).toEqual([
      { event: 'entries', data: '{}' },
      { event: 'entries', data: 'x' },
    ]);
    for (let size = 1; size <= 5; size += 1) {
      const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, index) =>
        text.slice(index * size, (index + 1) * size),
      );
      expect(parse(pieces)).toEqual(whole);
    }
  });

  it('sends nothing for an event that has not ended, or has no data', () => {
    expect(parse(['event: entries\ndata: {}\n'])).toEqual([]);
    expect(parse(['event: entries\n\n'])).toEqual([]);
  });

  it('refuses a line or an event longer than it takes, instead of growing without end', () => {
    const parser = createEventStreamParser(() => undefined);
    expect(() => parser.push(`data: ${'x'.repeat(maxEventBytes + 1)}`)).toThrow(/longer than/);
    const many = createEventStreamParser(() => undefined);
    expect(() => {
      for (let line = 0; line < 70; line += 1) {
        many.push(`data: ${'y'.repeat(1024)}\n`);
      }
    }).toThrow(/An event from the server is longer than/);
  });
});
