import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a recording server received. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

/** A real HTTP server on 127.0.0.1 that writes down every request before answering it. */
export interface RecordingServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `127.0.0.1:<port>` */
  readonly host: string;
  readonly requests: RecordedRequest[];
  stop(): Promise<void>;
}

/** What the server answers: a status, headers and a body. */
export interface CannedAnswer {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/**
 * Starts a server that records every request, so a test can prove the app never asked for an address (the probe that
 * found the forged-notice fetch used exactly this). `answer` sees the path and query; the default is an empty 404.
 */
export async function startRecordingServer(
  answer: (path: string, request: IncomingMessage) => CannedAnswer | Promise<CannedAnswer> = () => ({ status: 404 }),
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '';
    requests.push({ method: request.method ?? '', path, headers: request.headers });
    void Promise.resolve(answer(path, request)).then(
      (canned) => {
        response.writeHead(canned.status ?? 200, { ...canned.headers });
        response.end(
          canned.body === undefined
            ? undefined
            : typeof canned.body === 'string'
              ? canned.body
              : Buffer.from(canned.body),
        );
      },
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
