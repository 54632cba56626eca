import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureRecorder } from '../../../src-main/core/court/capture/capture-recorder';
import { maxCapturedPageBytes, startCaptureProxy, type CaptureProxy } from '../../../src-main/cli/capture-proxy';

// The capture's proxy as a hostile browser or court would use it (docs/court-pages.md#capturing-a-page-map): it reaches
// its one court only, keeps the browser on itself, and captures no page larger than it reads.

let court: Server | null = null;
let proxy: CaptureProxy | null = null;
afterEach(async () => {
  await proxy?.close();
  proxy = null;
  await new Promise<void>((resolve) => (court ? court.close(() => resolve()) : resolve()));
  court = null;
});

/** How the court answers one path. */
interface CourtAnswer {
  readonly status?: number;
  readonly headers?: Record<string, string | string[]>;
  readonly body: string | Buffer;
}

/** A court that answers each path as `answer` says and remembers what it was asked. */
async function startCourt(answer: (path: string) => CourtAnswer): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  court = createServer((request, response) => {
    asked.push(request.url ?? '');
    const { status = 200, headers = { 'content-type': 'text/html' }, body } = answer(request.url ?? '');
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => court?.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(court.address() as AddressInfo).port}`, asked };
}

/** A raw request to the proxy, with the request target as given (absolute-form included, as a proxy client sends). */
function send(target: string): Promise<number> {
  const { port } = new URL(proxy?.url ?? '');
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path: target, method: 'GET' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the capture proxy', () => {
  it('passes on paths of its one court only: an absolute address or a scheme-relative path is refused', async () => {
    const target = await startCourt(() => ({ body: '<p>court</p>' }));
    proxy = await startCaptureProxy({
      court: target.url,
      recorder: createCaptureRecorder(),
      onReceipt: () => undefined,
      log: () => undefined,
    });
    expect(await send('http://169.254.169.254/latest/meta-data/')).toBe(400);
    expect(await send('//169.254.169.254/latest')).toBe(400);
    expect(target.asked).toEqual([]);
    expect(await send('/cgi-bin/login.pl')).toBe(200);
    expect(target.asked).toEqual(['/cgi-bin/login.pl']);
  });

  it("turns the court's own address into its own in pages, redirects and cookies, so the browser stays on it", async () => {
    const target = await startCourt((path): CourtAnswer =>
      path === '/moved'
        ? { status: 302, headers: { location: `${courtUrl}/cgi-bin/DktRpt.pl?1` }, body: '' }
        : {
            headers: {
              'content-type': 'text/html; charset=utf-8',
              'set-cookie': [`NextGenCSO=t0k3n; Domain=.uscourts.gov; Path=/; Secure; HttpOnly`],
            },
            body: `<div id="topmenu"><a href="${courtUrl}/cgi-bin/DisplayMenu.pl?CivilEvents">Civil</a></div>`,
          },
    );
    const courtUrl = target.url;
    const recorder = createCaptureRecorder();
    proxy = await startCaptureProxy({ court: courtUrl, recorder, onReceipt: () => undefined, log: () => undefined });
    const page = await fetch(`${proxy.url}/cgi-bin/iquery.pl`);
    expect(await page.text()).toBe(
      `<div id="topmenu"><a href="${proxy.url}/cgi-bin/DisplayMenu.pl?CivilEvents">Civil</a></div>`,
    );
    expect(page.headers.getSetCookie()).toEqual(['NextGenCSO=t0k3n; Path=/; HttpOnly']);
    const moved = await fetch(`${proxy.url}/moved`, { redirect: 'manual' });
    expect(moved.headers.get('location')).toBe(`${proxy.url}/cgi-bin/DktRpt.pl?1`);
    expect(recorder.pageCount()).toBe(1);
  });

  it('passes a page larger than it reads on untouched, and captures none of it', async () => {
    const large = `<p>${'x'.repeat(maxCapturedPageBytes)}</p>`;
    const target = await startCourt(() => ({ body: large }));
    const recorder = createCaptureRecorder();
    proxy = await startCaptureProxy({ court: target.url, recorder, onReceipt: () => undefined, log: () => undefined });
    const page = await fetch(`${proxy.url}/big`);
    expect((await page.text()).length).toBe(large.length);
    expect(recorder.pageCount()).toBe(0);
  });

  it('answers 502 when the court cannot be reached, and goes on serving', async () => {
    const target = await startCourt(() => ({ body: '<p>up</p>' }));
    const logged: string[] = [];
    proxy = await startCaptureProxy({
      court: 'http://127.0.0.1:9',
      recorder: createCaptureRecorder(),
      onReceipt: () => undefined,
      log: (line) => logged.push(line),
    });
    expect(await send('/cgi-bin/login.pl')).toBe(502);
    expect(logged.join('\n')).toMatch(/Capture: GET \/cgi-bin\/login\.pl failed/);
    expect(await send('/again')).toBe(502);
    expect(target.asked).toEqual([]);
  });
});
