/** One server-sent event: its name (`message` when unnamed) and its data lines joined. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/** The most a stream may buffer before an event ends: a firm server's events are a few dozen bytes. */
export const maxEventBytes = 64 * 1024;

/**
 * Reads a `text/event-stream` as it arrives (the WHATWG format: `event:` and `data:` fields, a blank line ends an
 * event, `:` starts a comment), handing each event to `onEvent`. The stream is from the network: an event, or a line,
 * longer than `maxEventBytes` throws instead of growing without end.
 */
export function createEventStreamParser(onEvent: (event: ServerSentEvent) => void): {
  push(text: string): void;
} {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];
  let dataBytes = 0;

  const line = (text: string): void => {
    if (text === '') {
      if (data.length > 0) {
        onEvent({ event: eventName || 'message', data: data.join('\n') });
      }
      eventName = '';
      data = [];
      dataBytes = 0;
      return;
    }
    if (text.startsWith(':')) {
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      eventName = value;
    } else if (field === 'data') {
      dataBytes += value.length;
      if (dataBytes > maxEventBytes) {
        throw new Error(`An event from the server is longer than ${maxEventBytes} bytes.`);
      }
      data.push(value);
    }
  };

  // A line that ended with \r at the end of a piece: a \n opening the next piece belongs to that line break.
  let isAfterCarriageReturn = false;
  return {
    push(text) {
      if (text === '') {
        return;
      }
      buffer += isAfterCarriageReturn && text.startsWith('\n') ? text.slice(1) : text;
      isAfterCarriageReturn = false;
      for (;;) {
        const end = buffer.search(/\r\n|\r|\n/);
        if (end === -1) {
          break;
        }
        const isCrlf = buffer.startsWith('\r\n', end);
        isAfterCarriageReturn = !isCrlf && buffer[end] === '\r' && end === buffer.length - 1;
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + (isCrlf ? 2 : 1));
        line(text);
      }
      if (buffer.length > maxEventBytes) {
        throw new Error(`A line from the server is longer than ${maxEventBytes} bytes.`);
      }
    },
  };
}
