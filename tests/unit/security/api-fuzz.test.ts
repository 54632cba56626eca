import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../../src-main/core/api/dispatch';
import type { CoreServices } from '../../../src-main/core/app-services';
import { channelNames, type ChannelName } from '../../../src-main/shared/channel-names';
import { contract } from '../../../src-main/shared/contract';
import { errorCodes, type Envelope } from '../../../src-main/shared/errors';
import { startBrowserModeServer, type BrowserModeServer } from '../../../src-main/web/browser-mode-server';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { testIsolatedChildPath } from '../../support/paths';
import { createTestCore } from '../../support/test-core';

// Security rule: every IPC/HTTP input is validated by its schema; bad input gets a clear error, never a crash.
// Every channel gets the same hostile corpus through `dispatch` (as IPC and HTTP both call it), then browser mode's
// HTTP layer gets bodies and headers it cannot read. The basics of one malformed call each are in
// tests/unit/shell/ipc.test.ts and tests/unit/web/browser-mode-server.test.ts.

/** The longest any one call may take before it counts as a hang. */
const callBudgetMs = 2_000;

/** A chain of objects 10,000 deep, built in a loop (a recursive builder would overflow the stack before the app does). */
function deeplyNested(depth: number): unknown {
  let value: unknown = { end: true };
  for (let level = 0; level < depth; level += 1) {
    value = { a: value };
  }
  return value;
}

/** The same depth as JSON text: `[[[[…]]]]`. */
function deeplyNestedJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

const hugeString = 'A'.repeat(5 * 1024 * 1024);
const longArray = Array.from({ length: 100_000 }, (_, index) => index);
const deepObject = deeplyNested(10_000);

/** Values of every wrong type, put in each field of each channel's schema. */
const wrongValues: readonly [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['zero', 0],
  ['a negative number', -1],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['a huge number', 1e308],
  ['true', true],
  ['an empty string', ''],
  ['a path traversal', '../../../../etc/passwd'],
  ['a NUL byte', 'a\u0000b'],
  ['a DEL', 'a\u007fb'],
  ['a right-to-left override', 'a\u202eb'],
  ['a line separator', 'a\u2028b'],
  ['a 5 MB string', hugeString],
  ['an array', ['x']],
  ['a 100k array', longArray],
  ['an object', { x: 1 }],
  ['an object 10,000 deep', deepObject],
  ['bytes as a plain array', [37, 80, 68, 70]],
  ['bytes as an array-like object', { 0: 37, length: 1 }],
  ['a function', () => 'called'],
  ['a symbol', Symbol('x')],
  ['a bigint', 10n],
  ['a date', new Date(0)],
];

/** Whole payloads, whatever the channel. `JSON.parse` makes `__proto__` an own key, as it arrives over HTTP. */
const wholePayloads: readonly [string, unknown][] = [
  ...wrongValues,
  ['a 5 MB key', { [hugeString]: 1 }],
  ['a 100k-key object', Object.fromEntries(longArray.slice(0, 100_000).map((index) => [`k${index}`, index]))],
  ['__proto__ pollution', JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}')],
  ['constructor.prototype pollution', JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}')],
  ['a prototype key', JSON.parse('{"prototype":{"polluted":"yes"}}')],
  ['pollution beside an id', JSON.parse('{"id":"x","__proto__":{"polluted":"yes"}}')],
  [
    'pollution inside a nested field',
    JSON.parse(
      '{"id":"x","changes":{"__proto__":{"polluted":"yes"}},"query":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    ),
  ],
  ['a toString key', JSON.parse('{"toString":"boom","valueOf":"boom","hasOwnProperty":"boom"}')],
  ['a null-prototype object', Object.assign(Object.create(null) as object, { id: 'x' })],
  ['an unknown extra key', { unknownKey: 1 }],
];

/** Schema fields of a channel's arguments, when they are an object. */
function fieldsOf(channel: ChannelName): string[] {
  const schema: z.ZodType = contract[channel].args;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** Every payload of the corpus for one channel: the whole payloads, a wrong value in each field, and an extra key. */
function corpusFor(channel: ChannelName): [string, unknown][] {
  const perField = fieldsOf(channel).flatMap((field) =>
    wrongValues.map(([name, value]): [string, unknown] => [`${field} as ${name}`, { [field]: value }]),
  );
  const withExtraKey: [string, unknown][] = fieldsOf(channel).length
    ? [
        [
          'every field a string plus an unknown key',
          { ...Object.fromEntries(fieldsOf(channel).map((field) => [field, 'x'])), unknownKey: 1 },
        ],
      ]
    : [];
  return [...wholePayloads, ...perField, ...withExtraKey];
}

/** Rejects if a promise takes longer than the budget, naming what hung. */
function withinBudget<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${callBudgetMs} ms`)), callBudgetMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether a value is an answer envelope with a stable code. */
function expectEnvelope(answer: Envelope<unknown>, what: string, isValid: boolean): void {
  expect(typeof answer, what).toBe('object');
  if (answer.ok) {
    expect(isValid, `${what} was answered ok although its schema refuses it`).toBe(true);
    return;
  }
  expect(errorCodes, what).toContain(answer.error.code);
  expect(typeof answer.error.message, what).toBe('string');
  // invalid-arguments means a call its schema refuses, and only that: a valid call's refusal has a code of its own.
  expect(answer.error.code === 'invalid-arguments', what).toBe(!isValid);
}

/** Own keys of the prototypes a pollution would land on. */
function prototypeKeys(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap((prototype) =>
    Reflect.ownKeys(prototype).map(String),
  );
}

let scratch = '';
let core: CoreServices;
const prototypeKeysBefore = prototypeKeys();
/** Answers that came back `internal` for a schema-valid payload: not a crash, but worth a look. */
const internalAnswers: string[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-fuzz-'));
  core = createTestCore(path.join(scratch, 'core'), {
    trainingCourt: null,
    // No court in this test: a valid call that reaches for one is refused at once instead of going to the network.
    fetch: async () => {
      throw new TypeError('no network in the fuzz test');
    },
  });
});

afterAll(async () => {
  await core.close();
  await rm(scratch, { recursive: true, force: true });
  if (internalAnswers.length) {
    process.stdout.write(`Schema-valid fuzz payloads answered "internal":\n${internalAnswers.join('\n')}\n`);
  }
});

describe('every channel, fed the hostile corpus through dispatch', () => {
  it.each([...channelNames])('%s answers every payload with an envelope, in time', async (channel) => {
    for (const [name, payload] of corpusFor(channel)) {
      const what = `${channel} with ${name}`;
      const isValid = contract[channel].args.safeParse(payload ?? {}).success;
      const started = performance.now();
      const answer = await withinBudget(dispatch(core.handlers, channel, payload), what);
      expect(performance.now() - started, what).toBeLessThan(callBudgetMs);
      expectEnvelope(answer, what, isValid);
      if (!answer.ok && answer.error.code === 'internal') {
        internalAnswers.push(what);
      }
    }
  });

  it('an unknown, hostile or inherited channel name is refused as unknown', async () => {
    for (const channel of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      hugeString,
      null,
      undefined,
      42,
      ['app.getInfo'],
      { toString: () => 'app.getInfo' },
    ]) {
      const answer = await withinBudget(
        dispatch(core.handlers, channel, {}),
        `channel ${String(channel).slice(0, 20)}`,
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      if (!answer.ok) {
        expect(answer.error.message.length).toBeLessThan(200);
      }
    }
  });

  it('left no property on Object.prototype or any other built-in prototype', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(prototypeKeys()).toEqual(prototypeKeysBefore);
  });
});

interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

describe('what the fuzzing found, fixed', () => {
  it('a search with a NUL character is answered, not an internal error', async () => {
    expect(await dispatch(core.handlers, 'inbox.list', { text: 'a\u0000b' })).toMatchObject({
      ok: true,
      value: { items: [], total: 0 },
    });
  });

  it('a setting sent as undefined (possible over IPC) changes nothing instead of failing', async () => {
    const before = await core.handlers['settings.get']({});
    expect(await dispatch(core.handlers, 'settings.update', { documentsSort: undefined })).toEqual({
      ok: true,
      value: before,
    });
  });
});

describe('browser mode’s HTTP layer, fed what it cannot read', () => {
  let server: BrowserModeServer;
  let token = '';

  /** One raw request; the answer is taken even when the server stops reading an oversized body early. */
  function send(
    pathname: string,
    headers: Record<string, string>,
    body?: Buffer | string,
    method = 'POST',
  ): Promise<RawResponse> {
    return withinBudget(
      new Promise((resolve, reject) => {
        // A fresh connection each time: a refused body left half-sent must not swallow the next request on a kept-alive socket.
        const outgoing = httpRequest(
          {
            agent: false,
            host: '127.0.0.1',
            port: server.port,
            method,
            path: pathname,
            headers: { host: `127.0.0.1:${server.port}`, 'x-ecf-token': token, ...headers },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                contentType: String(response.headers['content-type']),
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
        );
        // The server may answer and close while a large body is still being written; the answer is what counts.
        outgoing.on('error', (error) => (outgoing.writableFinished ? undefined : reject(error)));
        outgoing.end(body);
      }),
      `${method} ${pathname}`,
    );
  }

  /** Asserts a refusal as the renderer's transport reads it: a 4xx JSON envelope with a stable code. */
  function expectRefusal(answer: RawResponse, what: string, code = 'invalid-arguments'): void {
    expect(answer.status, what).toBeGreaterThanOrEqual(400);
    expect(answer.status, what).toBeLessThan(500);
    expect(answer.contentType, what).toContain('application/json');
    expect(JSON.parse(answer.body), what).toMatchObject({ ok: false, error: { code } });
  }

  beforeAll(async () => {
    await mkdir(path.join(scratch, 'renderer'), { recursive: true });
    await writeFile(path.join(scratch, 'renderer', 'index.html'), '<!doctype html><title>ECF Desk</title>');
    server = await startBrowserModeServer({
      dataFolder: path.join(scratch, 'web'),
      rendererFolder: path.join(scratch, 'renderer'),
      isolatedChildPath: testIsolatedChildPath,
      version: '0.0.0',
      port: 0,
      secretStore: createMemorySecretStore(),
    });
    token = new URL(server.url).hash.replace('#token=', '');
  });

  afterAll(() => server.close());

  it.each([
    ['half an object', '{"id":'],
    ['a trailing comma', '{"id":"x",}'],
    ['single quotes', "{'id':'x'}"],
    ['a byte-order mark first', '\uFEFF{"id":"x"}'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ['NaN, which JSON does not have', '{"id":NaN}'],
    ['a bare word', 'undefined'],
  ])('a JSON body that is %s is refused with 400', async (_name, body) => {
    expectRefusal(await send('/api/documents.remove', { 'content-type': 'application/json' }, body), String(body));
  });

  it.each([
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"x"'],
    ['a number too large for a double', '1e999'],
    ['an array 100,000 deep', deeplyNestedJson(100_000)],
    ['__proto__ pollution', '{"id":"x","__proto__":{"polluted":"yes"}}'],
  ])('a JSON body that parses to %s gets an invalid-arguments envelope, not a 5xx', async (name, body) => {
    const answer = await send('/api/documents.remove', { 'content-type': 'application/json' }, body);
    // Readable bodies reach dispatch, whose refusal is an envelope on 200 (wire.ts: failures stay envelopes).
    expect(answer.status, name).toBeLessThan(500);
    expect(JSON.parse(answer.body), name).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', ''])(
    'a body sent as %j is refused with 400',
    async (contentType) => {
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      expectRefusal(await send('/api/documents.remove', headers, '{"id":"x"}'), contentType);
    },
  );

  it('a JSON body over 1 MB is refused with 400, whether it declares its length or streams it', async () => {
    const oversized = `{"id":"${'x'.repeat(1024 * 1024 + 10)}"}`;
    expectRefusal(await send('/api/documents.remove', { 'content-type': 'application/json' }, oversized), 'declared');
    expectRefusal(
      await send(
        '/api/documents.remove',
        { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        oversized,
      ),
      'chunked',
    );
    expectRefusal(
      await send('/api/documents.remove', {
        'content-type': 'application/json',
        'content-length': String(10 * 1024 * 1024 * 1024),
      }),
      'a lie about 10 GB',
    );
  });

  it('a file over the app’s limit is refused from its declared length, before any byte is read', async () => {
    const args = encodeURIComponent(JSON.stringify({ jobId: 'j', name: 'huge.pdf' }));
    const answer = await send('/api/documents.add', {
      'content-type': 'application/octet-stream',
      'x-ecf-arguments': args,
      'content-length': String(600 * 1024 * 1024),
    });
    expectRefusal(answer, 'a 600 MB upload');
  });

  it.each([
    ['not URI-encoded JSON', 'not json'],
    ['a broken percent escape', '%E0%A4%A'],
    ['null', 'null'],
    ['an array', encodeURIComponent('[]')],
    ['a string', encodeURIComponent('"x"')],
    ['a number', '42'],
    ['5 KB of garbage', '%'.repeat(5_000)],
  ])('a file upload whose x-ecf-arguments header is %s is refused with 400', async (name, header) => {
    expectRefusal(
      await send(
        '/api/documents.add',
        { 'content-type': 'application/octet-stream', 'x-ecf-arguments': header },
        Buffer.from('%PDF-1.7'),
      ),
      name,
    );
  });

  it.each([
    ['tries to pollute the prototype', '{"__proto__":{"polluted":"yes"},"jobId":"j","name":"a.pdf"}'],
    ['smuggles its own bytes field', '{"jobId":"j","name":"a.pdf","bytes":"AAAA"}'],
    ['names a folder', '{"jobId":"j","name":"../../etc/passwd"}'],
    ['hides a right-to-left override in its name', '{"jobId":"j","name":"Invoice\\u202efdp.exe"}'],
    ['hides a line separator in its name', '{"jobId":"j","name":"Motion\\u2028.pdf"}'],
    ['hides a DEL in its name', '{"jobId":"j","name":"Motion\\u007f.pdf"}'],
    ['is for a channel that takes no file', '{}'],
  ])('a file upload whose arguments %s is answered with an envelope, never a 5xx', async (name, json) => {
    const channel = name.includes('no file') ? 'documents.list' : 'documents.add';
    const answer = await send(
      `/api/${channel}`,
      { 'content-type': 'application/octet-stream', 'x-ecf-arguments': encodeURIComponent(json) },
      Buffer.from('%PDF-1.7'),
    );
    expect(answer.status, name).toBeLessThan(500);
    const envelope = JSON.parse(answer.body) as Envelope<unknown>;
    if (name.includes('smuggles')) {
      expect(envelope.ok, 'the body, not the header, is the file').toBe(true);
    } else {
      expect(envelope, name).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('an unknown or hostile channel path is an unknown-channel envelope', async () => {
    for (const channel of ['__proto__', 'constructor', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(8_000), '%00']) {
      const answer = await send(`/api/${channel}`, { 'content-type': 'application/json' }, '{}');
      expect(answer.status, channel).toBeLessThan(500);
      expect(JSON.parse(answer.body), channel).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('still answers a valid call after all of that', async () => {
    const answer = await send('/api/documents.list', { 'content-type': 'application/json' }, '{}');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
  });
});
