import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { admin, CourtClient, pageKind, pathOf, screenForm, startTestCourt } from '../../support/training-court';
import { makePdf } from '../../support/synthetic-pdfs';

// The training court runs inside the app: the bodies it reads at once are bounded, whatever any number of
// connections send. What it holds is read from its admin state, never measured by time.

type Court = Awaited<ReturnType<typeof startTestCourt>>;
interface BudgetState {
  readonly limitBytes: number;
  readonly heldBytes: number;
  readonly peakHeldBytes: number;
  readonly waitingCount: number;
}

const megabyte = 1024 * 1024;
const uploadRoom = 4 * megabyte;
let court: Court;

beforeAll(async () => {
  court = await startTestCourt({ uploadBytesInFlight: uploadRoom });
});
afterAll(async () => {
  await court.stop();
});

async function bodiesInFlight(): Promise<{ uploads: BudgetState; forms: BudgetState }> {
  return (await admin(court, 'GET', '/admin/state'))['bodiesInFlight'] as { uploads: BudgetState; forms: BudgetState };
}

/** Starts a POST that declares `declaredBytes`; the caller writes the body. Its answer is the page's kind. */
function startPost(
  pathname: string,
  declaredBytes: number,
  headers: Record<string, string>,
): { request: ClientRequest; answer: Promise<{ status: number; body: string }> } {
  const request = httpRequest({
    agent: false,
    host: '127.0.0.1',
    port: court.port,
    method: 'POST',
    path: pathname,
    headers: { host: `127.0.0.1:${court.port}`, 'content-length': String(declaredBytes), ...headers },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('error', reject);
  });
  return { request, answer };
}

/** A filing of twalsh's at the documents screen: where its form posts. */
async function filingAtDocuments(filer: CourtClient): Promise<string> {
  const screen = await filer.file(
    {
      caseId: 1017,
      eventId: 'motion-to-stay',
      partyIds: ['us-1017'],
      main: { name: 'unused.pdf', bytes: new Uint8Array() },
    },
    'filing-documents',
  );
  if (screen.kind !== 'filing-documents') {
    throw new Error(`the filing did not reach its documents screen: ${screen.kind ?? 'an unknown page'}`);
  }
  return pathOf(screenForm(screen.html).action);
}

/** A multipart body of exactly `size` bytes: `pdf` as the main document, and a field of blank lines the court ignores. */
function multipartOf(pdf: Uint8Array, size: number): { body: Buffer; contentType: string } {
  const boundary = 'ecf-desk-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file_1"; filename="appendix.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const filler = Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="filler"\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const padding = Buffer.alloc(size - head.length - pdf.byteLength - filler.length - tail.length, '\n');
  return {
    body: Buffer.concat([head, pdf, filler, padding, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('bodies the training court reads at once', () => {
  it('leaves an upload unread while another fills the room for uploads, then takes both in turn', async () => {
    const filer = new CourtClient(court.url);
    await filer.loginAs('twalsh');
    const [first, second] = [await filingAtDocuments(filer), await filingAtDocuments(filer)];
    const cookie = { cookie: `NextGenCSO=${filer.token ?? ''}` };

    const large = multipartOf(await makePdf(1), uploadRoom);
    const stalled = startPost(first, uploadRoom, {
      ...cookie,
      'content-type': large.contentType,
    });
    stalled.request.write(large.body.subarray(0, 64 * 1024));
    await vi.waitFor(async () => expect((await bodiesInFlight()).uploads.heldBytes).toBe(uploadRoom), {
      timeout: 10_000,
    });

    const small = multipartOf(await makePdf(1), 64 * 1024);
    const waiting = startPost(second, small.body.length, {
      ...cookie,
      'content-type': small.contentType,
    });
    waiting.request.end(small.body);
    await vi.waitFor(async () => expect((await bodiesInFlight()).uploads.waitingCount).toBe(1), { timeout: 10_000 });
    expect((await bodiesInFlight()).uploads.heldBytes).toBe(uploadRoom);

    stalled.request.end(large.body.subarray(64 * 1024));
    expect(pageKind((await stalled.answer).body)).toBe('filing-related');
    expect(pageKind((await waiting.answer).body)).toBe('filing-related');
    expect((await bodiesInFlight()).uploads).toMatchObject({
      heldBytes: 0,
      waitingCount: 0,
      peakHeldBytes: uploadRoom,
    });
  });

  it('holds at most 16 MB of login and form bodies, however many connections send them', async () => {
    const stalled = Array.from({ length: 16 }, () =>
      startPost('/services/cso-auth', megabyte, { 'content-type': 'application/json' }),
    );
    for (const { request, answer } of stalled) {
      request.write('{"loginId":"');
      answer.catch(() => undefined);
    }
    await vi.waitFor(async () => expect((await bodiesInFlight()).forms.heldBytes).toBe(16 * megabyte), {
      timeout: 10_000,
    });
    const waiting = startPost('/services/cso-auth', megabyte, { 'content-type': 'application/json' });
    waiting.request.write('{"loginId":"');
    waiting.answer.catch(() => undefined);
    await vi.waitFor(async () => expect((await bodiesInFlight()).forms.waitingCount).toBe(1), { timeout: 10_000 });
    expect((await bodiesInFlight()).forms.heldBytes).toBe(16 * megabyte);
    for (const { request } of [...stalled, waiting]) {
      request.destroy();
    }
    await vi.waitFor(
      async () => expect((await bodiesInFlight()).forms).toMatchObject({ heldBytes: 0, waitingCount: 0 }),
      { timeout: 10_000 },
    );
  });
});
