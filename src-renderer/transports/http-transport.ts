import type { EventName } from '../../src-main/shared/channel-names';
import type { Envelope } from '../../src-main/shared/errors';
import {
  apiPrefix,
  argumentsHeader,
  bytesContentType,
  bytesField,
  eventsPath,
  tokenHeader,
} from '../../src-main/shared/wire';
import type { CallOptions, Transport } from './transport';

type Listener = (payload: unknown) => void;

/** An envelope for a failure that happened before main could answer (server gone, network refused). */
function unreachable(message: string): Envelope<never> {
  return { ok: false, error: { code: 'internal', message } };
}

/** Reads an answer: an envelope, or a value that is bytes, answered raw (see `wire.ts`). */
async function readAnswer(response: Response): Promise<Envelope<unknown>> {
  if (response.ok && (response.headers.get('content-type') ?? '').startsWith(bytesContentType)) {
    return { ok: true, value: new Uint8Array(await response.arrayBuffer()) };
  }
  return (await response.json()) as Envelope<unknown>;
}

function postJson(url: string, token: string, args: unknown): Promise<Envelope<unknown>> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [tokenHeader]: token },
    body: JSON.stringify(args ?? {}),
  })
    .then(readAnswer)
    .catch(() => unreachable('ECF Desk is not answering. Check that it is still running, then try again.'));
}

/** Sends a file's bytes as the body, with upload progress (fetch cannot report it; XMLHttpRequest can). */
function postBytes(
  url: string,
  token: string,
  args: Record<string, unknown>,
  options?: CallOptions,
): Promise<Envelope<unknown>> {
  const { [bytesField]: bytes, ...rest } = args;
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('content-type', bytesContentType);
    request.setRequestHeader(tokenHeader, token);
    request.setRequestHeader(argumentsHeader, encodeURIComponent(JSON.stringify(rest)));
    request.responseType = 'json';
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable) {
        options?.onUploadProgress?.(progress.loaded / progress.total);
      }
    };
    // A response that is not an envelope (an error page, a refused token) reads as null with responseType json.
    request.onload = () =>
      resolve(
        (request.response as Envelope<unknown> | null) ??
          unreachable('ECF Desk refused the file. Reload the page from the address ECF Desk printed, then try again.'),
      );
    request.onerror = () =>
      resolve(unreachable('The file could not be sent to ECF Desk. Check that it is still running, then try again.'));
    request.send(bytes as Uint8Array<ArrayBuffer>);
  });
}

/** Reads the server-sent event stream, reconnecting after a pause when it drops. */
function streamEvents(origin: string, token: string, dispatchEvent: (event: string, payload: unknown) => void): void {
  const connect = async (): Promise<void> => {
    try {
      const response = await fetch(origin + eventsPath, { headers: { [tokenHeader]: token } });
      if (!response.body) {
        throw new Error('no event stream');
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        buffered += value;
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) {
            const message = JSON.parse(data) as { event: string; payload: unknown };
            dispatchEvent(message.event, message.payload);
          }
          end = buffered.indexOf('\n\n');
        }
      }
    } catch {
      // The server restarted or the stream dropped; listeners keep their subscriptions.
    }
    setTimeout(follow, 1000);
  };
  // connect catches what ends the stream; should anything still escape it, reading goes on all the same.
  const follow = (): void => {
    connect().then(undefined, () => setTimeout(follow, 1000));
  };
  follow();
}

/** The browser-mode transport: `POST /api/<channel>` and one event stream, all carrying the per-launch token. */
export function createHttpTransport(origin: string, token: string): Transport {
  const listeners = new Map<string, Set<Listener>>();
  let isStreaming = false;
  return {
    host: 'browser',
    invoke(channel, args, options) {
      const url = origin + apiPrefix + channel;
      const isBinary =
        typeof args === 'object' &&
        args !== null &&
        (args as Record<string, unknown>)[bytesField] instanceof Uint8Array;
      return isBinary ? postBytes(url, token, args as Record<string, unknown>, options) : postJson(url, token, args);
    },
    on(event: EventName, listener: Listener) {
      if (!isStreaming) {
        isStreaming = true;
        streamEvents(origin, token, (name, payload) => listeners.get(name)?.forEach((each) => each(payload)));
      }
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
