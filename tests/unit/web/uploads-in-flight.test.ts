import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserModeServer, type BrowserModeServer } from '../../../src-main/web/browser-mode-server';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { testIsolatedChildPath } from '../../support/paths';

// Browser mode reads at most `uploadBytesInFlight` of uploaded files at once; the rest wait unread (TCP holds the
// senders back) and go on in turn. Measured by the server's own count of the bytes it holds and by the peak memory
// the system saw, never by timing.

const megabyte = 1024 * 1024;
const cap = 8 * megabyte;

/** A running server and the token its page would carry. */
interface Target {
  readonly server: BrowserModeServer;
  readonly token: string;
}

let scratch = '';
/** The server most tests share: room for `cap` bytes of uploads at once. */
let capped: Target;

/** A browser-mode server in its own scratch folder, holding at most `uploadBytesInFlight` of uploads at once. */
async function startServer(folder: string, uploadBytesInFlight: number): Promise<BrowserModeServer> {
  await mkdir(path.join(folder, 'renderer'), { recursive: true });
  await writeFile(path.join(folder, 'renderer', 'index.html'), '<!doctype html><title>ECF Desk</title>');
  return startBrowserModeServer({
    dataFolder: path.join(folder, 'data'),
    rendererFolder: path.join(folder, 'renderer'),
    isolatedChildPath: testIsolatedChildPath,
    version: '0.0.0',
    port: 0,
    secretStore: createMemorySecretStore(),
    uploadBytesInFlight,
  });
}

function targetOf(server: BrowserModeServer): Target {
  return { server, token: new URL(server.url).hash.replace('#token=', '') };
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-uploads-'));
  capped = targetOf(await startServer(path.join(scratch, 'capped'), cap));
});

afterAll(async () => {
  await capped.server.close();
  await rm(scratch, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly envelope: { ok: boolean; value?: { name?: string }; error?: { code: string } };
}

/** Starts an upload of `declaredBytes` on its own connection; the caller writes the body and ends it. */
function startUpload(
  name: string,
  declaredBytes: number,
  { server, token }: Target = capped,
): { request: ClientRequest; answer: Promise<Answer> } {
  const request = httpRequest({
    agent: false,
    host: '127.0.0.1',
    port: server.port,
    method: 'POST',
    path: '/api/documents.add',
    headers: {
      host: `127.0.0.1:${server.port}`,
      'content-type': 'application/octet-stream',
      'content-length': String(declaredBytes),
      'x-ecf-token': token,
      'x-ecf-arguments': encodeURIComponent(JSON.stringify({ jobId: `job-${name}`, name })),
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          envelope: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['envelope'],
        }),
      );
    });
    request.on('error', reject);
  });
  return { request, answer };
}

/** The most memory this process has held at once (Linux `VmHWM`): a peak the system keeps, so no sampling can miss it. */
function peakResidentBytes(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

/** Uploads `size` bytes written from one small chunk again and again, so the sender itself holds almost nothing. */
function streamUpload(name: string, size: number, target: Target): Promise<Answer> {
  const { request, answer } = startUpload(name, size, target);
  const chunk = Buffer.alloc(megabyte, name.length);
  let sent = 0;
  const pump = (): void => {
    while (sent < size) {
      sent += chunk.length;
      if (!request.write(chunk)) {
        return void request.once('drain', pump);
      }
    }
    request.end();
  };
  pump();
  return answer;
}

function upload(name: string, bytes: Uint8Array): Promise<Answer> {
  const { request, answer } = startUpload(name, bytes.byteLength);
  request.end(bytes);
  return answer;
}

describe('uploads in flight in browser mode', () => {
  // First in the file: the peak is the process's own, so nothing earlier in it may have raised the mark.
  it.runIf(existsSync('/proc/self/status'))(
    'takes eight 50 MB uploads at once without its peak memory growing by the 400 MB they carry',
    async () => {
      const roomForOne = 64 * megabyte;
      const target = targetOf(await startServer(path.join(scratch, 'memory'), roomForOne));
      try {
        const before = peakResidentBytes();
        const answers = await Promise.all(
          Array.from({ length: 8 }, (_, index) => streamUpload(`volume-${index}.pdf`, 50 * megabyte, target)),
        );
        expect(answers.map((answer) => answer.envelope.ok)).toEqual(Array.from({ length: 8 }, () => true));
        // Measured: about 170 MB with room for one (read and worked on in turn), 920 MB with no cap at all.
        expect(peakResidentBytes() - before).toBeLessThan(400 * megabyte);
        expect(target.server.uploadsInFlight().peakHeldBytes).toBeLessThanOrEqual(roomForOne);
      } finally {
        await target.server.close();
      }
    },
  );

  it('never holds more than the cap of several concurrent large uploads, and answers every one of them', async () => {
    const files = Array.from({ length: 6 }, () => new Uint8Array(randomBytes(3 * megabyte)));
    const answers = await Promise.all(files.map((bytes, index) => upload(`exhibit-${index}.pdf`, bytes)));
    for (const [index, answer] of answers.entries()) {
      expect(answer.status, `upload ${index}`).toBe(200);
      expect(answer.envelope, `upload ${index}`).toMatchObject({ ok: true, value: { name: `exhibit-${index}.pdf` } });
    }
    const state = capped.server.uploadsInFlight();
    expect(state.peakHeldBytes).toBeGreaterThanOrEqual(3 * megabyte);
    expect(state.peakHeldBytes).toBeLessThanOrEqual(cap);
    expect(state).toMatchObject({ heldBytes: 0, waitingCount: 0 });
  });

  it('leaves an upload unread while another fills the cap, lets it go when its sender gives up, and loses nothing accepted', async () => {
    // The first upload declares the whole cap and sends a little of it: it holds the room until its body is complete.
    const first = startUpload('appendix.pdf', cap);
    const firstBytes = new Uint8Array(randomBytes(cap));
    first.request.write(firstBytes.subarray(0, 64 * 1024));
    await vi.waitFor(() => expect(capped.server.uploadsInFlight().heldBytes).toBe(cap), { timeout: 10_000 });

    const impatient = startUpload('impatient.pdf', 1024);
    impatient.request.end(new Uint8Array(1024));
    impatient.answer.catch(() => undefined);
    await vi.waitFor(() => expect(capped.server.uploadsInFlight().waitingCount).toBe(1), { timeout: 10_000 });
    expect(capped.server.uploadsInFlight().heldBytes).toBe(cap);
    impatient.request.destroy();
    await vi.waitFor(() => expect(capped.server.uploadsInFlight().waitingCount).toBe(0), { timeout: 10_000 });

    const patient = upload('patient.pdf', new Uint8Array(randomBytes(1024)));
    await vi.waitFor(() => expect(capped.server.uploadsInFlight().waitingCount).toBe(1), { timeout: 10_000 });
    first.request.end(firstBytes.subarray(64 * 1024));
    expect(await first.answer).toMatchObject({ status: 200, envelope: { ok: true, value: { name: 'appendix.pdf' } } });
    expect(await patient).toMatchObject({ status: 200, envelope: { ok: true, value: { name: 'patient.pdf' } } });
    expect(capped.server.uploadsInFlight()).toMatchObject({ heldBytes: 0, waitingCount: 0 });
  });

  it('still answers ordinary calls while uploads wait for room', async () => {
    const stalled = startUpload('stalled.pdf', cap);
    stalled.request.write(new Uint8Array(1024));
    await vi.waitFor(() => expect(capped.server.uploadsInFlight().heldBytes).toBe(cap), { timeout: 10_000 });
    const waiting = upload('waiting.pdf', new Uint8Array(randomBytes(1024)));
    await vi.waitFor(() => expect(capped.server.uploadsInFlight().waitingCount).toBe(1), { timeout: 10_000 });
    const list = await fetch(`http://127.0.0.1:${capped.server.port}/api/documents.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ecf-token': capped.token },
      body: '{}',
    });
    expect(await list.json()).toMatchObject({ ok: true });
    stalled.request.end(new Uint8Array(cap - 1024));
    expect((await stalled.answer).envelope.ok).toBe(true);
    expect((await waiting).envelope.ok).toBe(true);
  });
});
