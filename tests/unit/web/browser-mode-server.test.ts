import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserModeServer, type BrowserModeServer } from '../../../src-main/web/browser-mode-server';
import { testIsolatedChildPath } from '../../support/paths';
import { makeNotPdf, makePdf } from '../../support/synthetic-pdfs';

let scratch = '';
let server: BrowserModeServer;
let token = '';

async function start(): Promise<void> {
  server = await startBrowserModeServer({
    dataFolder: path.join(scratch, 'data'),
    rendererFolder: path.join(scratch, 'renderer'),
    isolatedChildPath: testIsolatedChildPath,
    version: '9.9.9',
    port: 0,
  });
  token = new URL(server.url).hash.replace('#token=', '');
}

beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-web-'));
  await mkdir(path.join(scratch, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(scratch, 'renderer', 'index.html'), '<!doctype html><title>ECF Desk</title>');
  await writeFile(path.join(scratch, 'secret.txt'), 'outside the renderer folder');
  await start();
});

afterEach(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

/** A raw HTTP request, so tests can send the Host and Origin headers a browser would not let a page forge. */
function send(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: Uint8Array | string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: pathname,
        headers: { host: `127.0.0.1:${server.port}`, ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes.toString('utf8'), bytes });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function call(channel: string, args: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(
    'POST',
    `/api/${channel}`,
    { 'content-type': 'application/json', 'x-ecf-token': token, ...headers },
    JSON.stringify(args),
  );
}

function upload(name: string, bytes: Uint8Array): Promise<RawResponse> {
  const args = encodeURIComponent(JSON.stringify({ jobId: `job-${name}`, name }));
  return send(
    'POST',
    '/api/documents.add',
    { 'content-type': 'application/octet-stream', 'x-ecf-token': token, 'x-ecf-arguments': args },
    bytes,
  );
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the per-launch token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('serves the renderer with the strict CSP and refuses paths outside it', async () => {
    const page = await send('GET', '/', {});
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // The page preview's pdf.js worker comes from the app itself, and nothing may be evaluated.
    expect(page.headers['content-security-policy']).toContain("worker-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect((await send('GET', '/../secret.txt', {})).status).toBe(404);
    expect((await send('GET', '/%2e%2e/secret.txt', {})).status).toBe(404);
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await call('documents.list', {}, { 'x-ecf-token': '' })).status).toBe(401);
    expect((await call('documents.list', {}, { 'x-ecf-token': 'x'.repeat(token.length) })).status).toBe(401);
  });

  it('refuses a request whose Host is another name (DNS rebinding)', async () => {
    const response = await call('documents.list', {}, { host: `attacker.example:${server.port}` });
    expect(response.status).toBe(421);
  });

  it('refuses a call from another origin, even with the token', async () => {
    expect((await call('documents.list', {}, { origin: 'http://attacker.example' })).status).toBe(403);
    expect((await call('documents.list', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('documents.list', {}, { origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('answers a malformed payload with invalid-arguments, and the server keeps working', async () => {
    const malformed = await send(
      'POST',
      '/api/documents.remove',
      { 'content-type': 'application/json', 'x-ecf-token': token },
      '{not json',
    );
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const wrongShape = await call('documents.remove', { id: 7 });
    expect(JSON.parse(wrongShape.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const unknown = await call('documents.format', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(JSON.parse((await call('documents.list', {})).body)).toEqual({ ok: true, value: [] });
  });

  it('adds uploaded PDFs and non-PDFs, and the list survives a restart', async () => {
    const pdf = JSON.parse((await upload('brief.pdf', await makePdf(4))).body);
    expect(pdf).toMatchObject({ ok: true, value: { name: 'brief.pdf', pages: 4, problem: null } });
    const notPdf = JSON.parse((await upload('letter.docx', makeNotPdf())).body);
    expect(notPdf).toMatchObject({
      ok: true,
      value: { name: 'letter.docx', pages: null, problem: { code: 'document.not-pdf' } },
    });

    await server.close();
    await start();
    const listed = JSON.parse((await call('documents.list', {})).body) as { value: { name: string }[] };
    expect(listed.value.map((document) => document.name).sort()).toEqual(['brief.pdf', 'letter.docx']);
  });

  it('answers a document’s bytes raw, as application/octet-stream, and only behind the token, Host and Origin checks', async () => {
    const pdf = await makePdf(3);
    const added = JSON.parse((await upload('exhibit.pdf', pdf)).body) as { value: { id: string } };
    const content = await call('documents.content', { id: added.value.id });
    expect(content.status).toBe(200);
    expect(content.headers['content-type']).toBe('application/octet-stream');
    expect(content.headers['content-security-policy']).toContain("default-src 'none'");
    expect(content.headers['cache-control']).toBe('no-store');
    expect(new Uint8Array(content.bytes)).toEqual(pdf);

    expect((await call('documents.content', { id: added.value.id }, { 'x-ecf-token': '' })).status).toBe(401);
    expect(
      (await call('documents.content', { id: added.value.id }, { host: `attacker.example:${server.port}` })).status,
    ).toBe(421);
    expect(
      (await call('documents.content', { id: added.value.id }, { origin: 'http://attacker.example' })).status,
    ).toBe(403);
  });

  it('answers a failed call for bytes with a JSON envelope, as every other failure', async () => {
    const missing = await call('documents.content', { id: 'not-in-the-list' });
    expect(missing.headers['content-type']).toContain('application/json');
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'document.not-found' } });
    const notPdf = JSON.parse((await upload('letter.docx', makeNotPdf())).body) as { value: { id: string } };
    expect(JSON.parse((await call('documents.content', { id: notPdf.value.id })).body)).toMatchObject({
      ok: false,
      error: { code: 'document.not-checkable' },
    });
  });

  it('streams progress events for an upload to an open page', async () => {
    const frames: string[] = [];
    const stream = await new Promise<IncomingMessage>((resolve) => {
      httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${server.port}`, 'x-ecf-token': token },
        },
        resolve,
      ).end();
    });
    stream.on('data', (chunk: Buffer) => frames.push(chunk.toString('utf8')));
    await upload('exhibit.pdf', await makePdf(2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    stream.destroy();
    const events = frames
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { event: string; payload: { phase?: string } });
    const phases = events.filter((event) => event.event === 'documents.progress').map((event) => event.payload.phase);
    expect(phases[0]).toBe('hashing');
    expect(phases).toContain('reading-pages');
    expect(phases).toContain('storing');
    expect(phases.at(-1)).toBe('done');
    expect(events.some((event) => event.event === 'documents.changed')).toBe(true);
  });
});
