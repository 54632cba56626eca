import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserModeServer, type BrowserModeServer } from '../../../src-main/web/browser-mode-server';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { testIsolatedChildPath } from '../../support/paths';
import { chromiumArgs, chromiumPath } from '../../support/chromium';

// Browser mode must answer nobody but the page it printed. The basics are in tests/unit/web/browser-mode-server.test.ts
// (no token, a token of x's, Host attacker.example, Origin attacker.example and Sec-Fetch-Site cross-site on an API call);
// this file adds near-miss tokens, other ways to smuggle a token, the event stream, token entropy and secrecy, and a real
// Chromium page on another origin that knows the token and still cannot call the API.

let scratch = '';

/** Starts one browser-mode server on a free port, with an in-memory keychain. */
function startServer(name: string): Promise<BrowserModeServer> {
  return startBrowserModeServer({
    dataFolder: path.join(scratch, name),
    rendererFolder: path.join(scratch, 'renderer'),
    isolatedChildPath: testIsolatedChildPath,
    version: '9.9.9',
    port: 0,
    secretStore: createMemorySecretStore(),
  });
}

/** The per-launch token a server printed in its URL's fragment. */
function tokenOf(server: BrowserModeServer): string {
  return new URL(server.url).hash.replace('#token=', '');
}

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * One raw HTTP request (so the test can forge Host and Origin as an attacker's own client could). An event stream
 * stays open, so the answer is taken after its first chunk.
 */
function send(
  port: number,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method, path: pathname, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        const finish = (): void =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (String(response.headers['content-type']).startsWith('text/event-stream')) {
            finish();
            outgoing.destroy();
          }
        });
        response.on('end', finish);
      },
    );
    outgoing.on('error', reject);
    outgoing.setTimeout(5_000, () => outgoing.destroy(new Error(`${method} ${pathname} got no answer within 5 s`)));
    outgoing.end(body);
  });
}

let server: BrowserModeServer;
let token = '';

/** A JSON call with the right token and Host unless the headers say otherwise. */
function call(channel: string, args: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(
    server.port,
    'POST',
    `/api/${channel}`,
    { 'content-type': 'application/json', 'x-ecf-token': token, ...headers },
    JSON.stringify(args),
  );
}

/** How many drafts exist: the state an attacker's call would change. */
async function draftCount(): Promise<number> {
  const answer = JSON.parse((await call('drafts.list', {})).body) as { ok: boolean; value: unknown[] };
  expect(answer.ok).toBe(true);
  return answer.value.length;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-isolation-'));
  await mkdir(path.join(scratch, 'renderer', 'assets'), { recursive: true });
  await writeFile(
    path.join(scratch, 'renderer', 'index.html'),
    '<!doctype html><title>ECF Desk</title><script src="/assets/index.js"></script>',
  );
  await writeFile(path.join(scratch, 'renderer', 'assets', 'index.js'), 'document.title = "ECF Desk";');
  server = await startServer('main');
  token = tokenOf(server);
});

afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('the per-launch token', () => {
  it('carries at least 128 bits of randomness and is new at every launch', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url').byteLength * 8).toBeGreaterThanOrEqual(128);
    const others = await Promise.all([startServer('second'), startServer('third')]);
    try {
      const tokens = new Set([token, ...others.map(tokenOf)]);
      expect(tokens.size).toBe(3);
    } finally {
      await Promise.all(others.map((other) => other.close()));
    }
  });

  it('refuses a token one character off, in another case, or presented anywhere but its header', async () => {
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const nearMisses = [
      token.slice(0, -1) + last,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      token.slice(0, -1),
      `${token}${token}`,
    ];
    for (const presented of nearMisses) {
      expect((await call('documents.list', {}, { 'x-ecf-token': presented })).status, presented).toBe(401);
    }
    const noHeader = { 'content-type': 'application/json' };
    expect((await send(server.port, 'POST', `/api/documents.list?token=${token}`, noHeader, '{}')).status).toBe(401);
    expect((await send(server.port, 'POST', `/api/documents.list#token=${token}`, noHeader, '{}')).status).toBe(401);
    expect(
      (await send(server.port, 'POST', '/api/documents.list', { ...noHeader, cookie: `token=${token}` }, '{}')).status,
    ).toBe(401);
    expect(
      (await send(server.port, 'POST', '/api/documents.list', { ...noHeader, authorization: `Bearer ${token}` }, '{}'))
        .status,
    ).toBe(401);
  });

  it('never appears in any header or body the server sends', async () => {
    const answers = await Promise.all([
      send(server.port, 'GET', '/', {}),
      send(server.port, 'GET', '/index.html', {}),
      send(server.port, 'GET', '/assets/index.js', {}),
      send(server.port, 'GET', '/missing', {}),
      send(server.port, 'HEAD', '/', {}),
      send(server.port, 'POST', '/', {}),
      send(server.port, 'GET', '/api/documents.list', { 'x-ecf-token': token }),
      send(server.port, 'GET', '/api/events', { 'x-ecf-token': token }),
      ...[
        'app.getInfo',
        'court.status',
        'settings.get',
        'settings.managed',
        'documents.list',
        'accounts.list',
        'session.status',
        'drafts.list',
        'inbox.list',
        'mailboxes.list',
      ].map((channel) => call(channel, {})),
      call('documents.remove', { id: 7 }),
      call('no.such-channel', {}),
      call('documents.list', {}, { 'x-ecf-token': 'wrong' }),
      call('documents.list', {}, { origin: 'http://attacker.example' }),
      call('documents.list', {}, { host: `attacker.example:${server.port}` }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThan(0);
      expect(JSON.stringify(answer.headers)).not.toContain(token);
      expect(answer.body).not.toContain(token);
    }
  });
});

describe('requests from elsewhere', () => {
  it.each([
    ['an https page on the same loopback host', (port: number) => `https://127.0.0.1:${port}`],
    ['another port on loopback', (port: number) => `http://127.0.0.1:${port + 1}`],
    ['localhost without a port', () => 'http://localhost'],
    ['a sandboxed frame or file:// page', () => 'null'],
    ['the rebinding name itself', (port: number) => `http://attacker.example:${port}`],
  ])('a call from %s is refused even with the token', async (_origin, origin) => {
    expect((await call('drafts.create', {}, { origin: origin(server.port) })).status).toBe(403);
  });

  it.each(['same-site', 'cross-site'])(
    'a call the browser marks %s is refused even without an Origin',
    async (site) => {
      expect((await call('drafts.create', {}, { 'sec-fetch-site': site })).status).toBe(403);
    },
  );

  it.each([
    ['another name on the same port', (port: number) => `attacker.example:${port}`],
    ['a bare loopback address', () => '127.0.0.1'],
    ['the loopback address on another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['an IPv6 loopback', (port: number) => `[::1]:${port}`],
    ['a loopback name with a trailing dot', (port: number) => `localhost.:${port}`],
  ])('a request whose Host is %s is refused (DNS rebinding)', async (_reason, host) => {
    expect((await call('drafts.create', {}, { host: host(server.port) })).status).toBe(421);
    expect((await send(server.port, 'GET', '/', { host: host(server.port) })).status).toBe(421);
  });

  it('the event stream refuses another origin, a cross-site fetch, a rebinding Host, and a missing token', async () => {
    const events = (headers: Record<string, string>) =>
      send(server.port, 'GET', '/api/events', { 'x-ecf-token': token, ...headers });
    expect((await events({ origin: 'http://attacker.example' })).status).toBe(403);
    expect((await events({ origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await events({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await events({ host: `attacker.example:${server.port}` })).status).toBe(421);
    expect((await events({ 'x-ecf-token': '' })).status).toBe(401);
    expect((await events({})).status).toBe(200);
  });

  it('none of the refused calls above changed anything', async () => {
    expect(await draftCount()).toBe(0);
  });
});

const hasChromium = existsSync(chromiumPath);
const isChromiumRequired = process.env['ECF_DESK_REQUIRE_TEST_SERVICES'] === '1';
if (!hasChromium && !isChromiumRequired) {
  process.stdout.write(`Chromium is absent (${chromiumPath}): the cross-origin browser cases are skipped.\n`);
}

/** The outcome of one attempt in the attacker's page: what the page could read, or the error it got. */
interface Attempt {
  readonly name: string;
  readonly status?: number;
  readonly body?: string;
  readonly error?: string;
}

describe.skipIf(!hasChromium && !isChromiumRequired)('a page from another origin in real Chromium', () => {
  let browser: Browser;
  let attacker: Server;
  let attackerOrigin = '';

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(
        `Chromium is required here (ECF_DESK_REQUIRE_TEST_SERVICES=1) but ${chromiumPath} does not exist.`,
      );
    }
    attacker = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Free PACER credits</title>'),
    );
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      // The resolver rule plays a DNS-rebinding attacker: attacker.example answers with the loopback address.
      args: [...chromiumArgs, '--host-resolver-rules=MAP attacker.example 127.0.0.1'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()));
  });

  it('cannot call the API, read the page or open the event stream, even knowing the token', async () => {
    const page = await browser.newPage();
    await page.goto(attackerOrigin);
    const attempts = await page.evaluate(
      async ({ app, secret }): Promise<Attempt[]> => {
        const attempt = async (name: string, url: string, init: RequestInit): Promise<Attempt> => {
          try {
            const response = await fetch(url, init);
            return { name, status: response.status, body: await response.text() };
          } catch (error) {
            return { name, error: String(error) };
          }
        };
        const json = { 'content-type': 'application/json', 'x-ecf-token': secret };
        return Promise.all([
          attempt('create a draft with the token', `${app}/api/drafts.create`, {
            method: 'POST',
            headers: json,
            body: '{}',
          }),
          attempt('read the settings with the token', `${app}/api/settings.get`, {
            method: 'POST',
            headers: json,
            body: '{}',
          }),
          attempt('open the event stream with the token', `${app}/api/events`, { headers: { 'x-ecf-token': secret } }),
          attempt('read the page', `${app}/`, {}),
          attempt('create a draft as a simple request', `${app}/api/drafts.create`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: '{}',
          }),
          attempt('create a draft blind (no-cors)', `${app}/api/drafts.create`, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'content-type': 'text/plain' },
            body: '{}',
          }),
        ]);
      },
      { app: `http://127.0.0.1:${server.port}`, secret: token },
    );
    // CORS stops the calls that carry the token; Cross-Origin-Resource-Policy: same-origin stops even the blind no-cors one.
    for (const { name, status, body, error } of attempts) {
      expect(error, `${name} answered ${status}: ${body}`).toMatch(/TypeError|Failed to fetch/);
    }
    await page.close();
    expect(await draftCount()).toBe(0);
  });

  it('cannot post a form at the API, which a browser sends without asking', async () => {
    const page = await browser.newPage();
    await page.goto(attackerOrigin);
    const answer = page.waitForResponse((response) => response.url().includes('/api/drafts.create'));
    await page.evaluate((action) => {
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = action;
      form.enctype = 'text/plain';
      const field = document.createElement('input');
      field.name = '{"x":"';
      field.value = '"}';
      form.append(field);
      document.body.append(form);
      form.submit();
    }, `http://127.0.0.1:${server.port}/api/drafts.create`);
    expect((await answer).status()).toBe(403);
    await page.close();
    expect(await draftCount()).toBe(0);
  });

  it('gains nothing by rebinding its own name to loopback, even with the token', async () => {
    const page = await browser.newPage();
    const landing = await page.goto(`http://attacker.example:${server.port}/`);
    expect(landing?.status()).toBe(421);
    const sameOriginCall = await page.evaluate(async (secret) => {
      const response = await fetch('/api/drafts.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ecf-token': secret },
        body: '{}',
      });
      return response.status;
    }, token);
    expect(sameOriginCall).toBe(421);
    await page.close();
    expect(await draftCount()).toBe(0);
  });
});
