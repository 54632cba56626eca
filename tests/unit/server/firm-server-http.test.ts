import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addToCaseTeam } from '../../../src-main/core/firm/case-teams';
import { addUser, removeUser } from '../../../src-main/core/firm/firm-users';
import type { FirmServer, FirmServerTls } from '../../../src-main/firm-server/firm-server';
import { maxRequestBodyBytes } from '../../../src-main/firm-server/firm-routes';
import { migratedFirmDatabase, send, startTestFirmServer } from '../../support/firm-server';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';

// The firm server over HTTP(S), in this process against a throwaway PostgreSQL: /health for anyone, every other route
// for a user's token only, each user seeing their own cases (docs/firm-server.md).

let cluster: PostgresTestCluster | null = null;
let database: Awaited<ReturnType<typeof migratedFirmDatabase>>;
const servers: FirmServer[] = [];

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
  if (cluster) {
    database = await migratedFirmDatabase(cluster);
  }
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
afterAll(async () => {
  await database?.close();
  await cluster?.stop();
});

async function listen(tls: FirmServerTls | null = null): Promise<FirmServer> {
  const server = await startTestFirmServer(database, { tls, log: () => undefined });
  servers.push(server);
  return server;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.skipIf(process.platform === 'win32')('the firm server', () => {
  it('answers /health without a token, exactly {"ok":true,"database":"postgresql","schemaVersion":6}', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const server = await listen();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const answer = await send(`${server.url}/health`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.body).toBe('{"ok":true,"database":"postgresql","schemaVersion":6}');
  });

  it('refuses every other route without a token, with a malformed one, or with one nobody holds', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const server = await listen();
    const { token } = await addUser(database.pool, 'refusal-check', 'attorney');
    const nobodys = `ecfd_${'A'.repeat(43)}`;
    for (const headers of [{}, bearer('not-a-token'), bearer(nobodys), { authorization: token }]) {
      const answer = await send(`${server.url}/api/me`, { headers });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer realm="ecf-desk"');
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // An address that does not exist is not revealed to someone without a token either.
    expect((await send(`${server.url}/api/nothing-here`)).status).toBe(401);
  });

  it('tells a user who they are, their role and their cases; a removed user’s token stops working', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const server = await listen();
    const { token } = await addUser(database.pool, 'MLee', 'paralegal');
    await addToCaseTeam(database.pool, '1:26-cv-00123', 'mlee');
    const answer = await send(`${server.url}/api/me`, { headers: bearer(token) });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      name: 'mlee',
      role: 'paralegal',
      cases: ['1:26-cv-00123'],
      seesEveryCase: false,
    });
    await removeUser(database.pool, 'mlee');
    expect((await send(`${server.url}/api/me`, { headers: bearer(token) })).status).toBe(401);
  });

  it('shows a case’s team to its members and to docketing staff, and to nobody else', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const server = await listen();
    const alice = await addUser(database.pool, 'alice', 'attorney');
    const bob = await addUser(database.pool, 'bob', 'attorney');
    const desk = await addUser(database.pool, 'desk', 'docketing');
    await addToCaseTeam(database.pool, '26-00007', 'alice');
    await addToCaseTeam(database.pool, '26-00008', 'bob');
    const caseUrl = (number: string) => `${server.url}/api/cases/${encodeURIComponent(number)}`;

    const own = await send(caseUrl('26-00007'), { headers: bearer(alice.token) });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ caseNumber: '26-00007', team: [{ name: 'alice', role: 'attorney' }] });
    const others = await send(caseUrl('26-00008'), { headers: bearer(alice.token) });
    expect(others.status).toBe(404);
    expect(others.body).not.toContain('bob');
    expect(JSON.parse((await send(`${server.url}/api/me`, { headers: bearer(alice.token) })).body).cases).toEqual([
      '26-00007',
    ]);

    const seenByDesk = await send(caseUrl('26-00008'), { headers: bearer(desk.token) });
    expect(JSON.parse(seenByDesk.body)).toEqual({ caseNumber: '26-00008', team: [{ name: 'bob', role: 'attorney' }] });
    expect(JSON.parse((await send(`${server.url}/api/me`, { headers: bearer(desk.token) })).body)).toMatchObject({
      role: 'docketing',
      seesEveryCase: true,
    });
    expect((await send(caseUrl('not a case!'), { headers: bearer(bob.token) })).status).toBe(400);
  });

  it('refuses a body over its limit before reading it, a body of no declared length, and oversized headers', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const server = await listen();
    const tooLarge = await headersOnly(server.port, { 'content-length': String(maxRequestBodyBytes + 1) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toContain('request.too-large');
    const endless = await headersOnly(server.port, { 'transfer-encoding': 'chunked' });
    expect(endless.status).toBe(411);
    const bigHeaders = await send(`${server.url}/health`, { headers: { 'x-padding': 'x'.repeat(20 * 1024) } });
    expect(bigHeaders.status).toBe(431);
    // Within the limits, the same route answers.
    expect((await send(`${server.url}/health`, { method: 'GET', body: '' })).status).toBe(200);
  });

  it('serves HTTPS with the certificate it is given', async (context) => {
    const tls = cluster ? await selfSignedCertificate() : null;
    if (!cluster || !tls) {
      return context.skip();
    }
    const server = await listen(tls);
    expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
    const answer = await send(`${server.url}/health`, { ca: tls.cert });
    expect(answer.body).toBe('{"ok":true,"database":"postgresql","schemaVersion":6}');
    // Plain HTTP to the HTTPS port gets no answer from the routes.
    await expect(send(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow();
  });
});

/** Sends a POST's headers and not one byte of its body, and reads the answer the server gives before the body. */
function headersOnly(port: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path: '/api/me', method: 'POST', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    outgoing.on('error', reject);
    outgoing.flushHeaders();
  });
}

/** A self-signed certificate for 127.0.0.1 made with openssl, or null (with one plain line) where it is missing. */
async function selfSignedCertificate(): Promise<FirmServerTls | null> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ecf-desk-tls-'));
  try {
    const [key, cert] = [path.join(folder, 'key.pem'), path.join(folder, 'cert.pem')];
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    return { key: await readFile(key), cert: await readFile(cert) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stdout.write('The HTTPS test is skipped: openssl is not installed (apt-get install openssl).\n');
      return null;
    }
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
