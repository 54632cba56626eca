import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';

// The throwaway PostgreSQL the firm server's tests run against: what later tests rely on (a fresh database each, a
// crash that keeps committed rows, a stop and a start) is checked here once.

let cluster: PostgresTestCluster | null = null;

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

async function query(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

describe.skipIf(process.platform === 'win32')('the PostgreSQL test cluster', () => {
  it('listens on loopback only and gives each caller a database of its own', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const first = await cluster.createDatabase();
    const second = await cluster.createDatabase();
    expect(first).not.toBe(second);
    await query(first, 'CREATE TABLE only_here (id int)');
    await expect(query(second, 'SELECT * FROM only_here')).rejects.toThrow(/does not exist/);
    const { rows } = await query(first, "SELECT current_setting('listen_addresses') AS listen");
    expect(rows[0]).toEqual({ listen: '127.0.0.1' });
  });

  it('keeps committed rows through a kill -9 and starts again', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const url = await cluster.createDatabase();
    await query(url, 'CREATE TABLE kept (id int)');
    await query(url, 'INSERT INTO kept VALUES (1)');
    await cluster.kill();
    await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await cluster.start();
    expect((await query(url, 'SELECT id FROM kept')).rows).toEqual([{ id: 1 }]);
  });

  it('refuses connections while shut down, and takes them again once started', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    await cluster.shutDown();
    await expect(query(cluster.urlOf('postgres'), 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    await cluster.start();
    expect((await query(cluster.urlOf('postgres'), 'SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
