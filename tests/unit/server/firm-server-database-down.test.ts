import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../../src-main/core/firm/firm-users';
import type { FirmServer } from '../../../src-main/firm-server/firm-server';
import { migratedFirmDatabase, send, startTestFirmServer } from '../../support/firm-server';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';

// The firm server while PostgreSQL is down: it stays up, says so (503, never a crash or a 401), and recovers by itself
// once PostgreSQL is back. This file stops its own cluster, so it has one of its own.

let cluster: PostgresTestCluster | null = null;
let database: Awaited<ReturnType<typeof migratedFirmDatabase>>;
let server: FirmServer;

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
  if (cluster) {
    database = await migratedFirmDatabase(cluster);
    server = await startTestFirmServer(database);
  }
});
afterAll(async () => {
  await server?.close();
  await database?.close();
  await cluster?.stop();
});

describe.skipIf(process.platform === 'win32')('the firm server without its database', () => {
  it('answers /health with 503 and ok:false while PostgreSQL is stopped, and 200 once it is back', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const { token } = await addUser(database.pool, 'jdoe', 'attorney');
    expect((await send(`${server.url}/health`)).status).toBe(200);

    await cluster.shutDown();
    const down = await send(`${server.url}/health`);
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toEqual({
      ok: false,
      database: 'postgresql',
      error: 'The database does not answer.',
    });
    const call = await send(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(call.status).toBe(503);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'database.unavailable' } });
    // Where the database is, is not told to a caller without a token: the log has the detail.
    expect(down.body).not.toContain(String(cluster.port));
    expect(database.logged.some((line) => line.startsWith('warn Health check: the database does not answer'))).toBe(
      true,
    );

    await cluster.start();
    expect((await send(`${server.url}/health`)).body).toBe('{"ok":true,"database":"postgresql","schemaVersion":6}');
    expect((await send(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
