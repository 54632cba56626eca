import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirmError } from '../../../src-main/core/firm/firm-error';
import { migrateFirmDatabase, readSchemaVersion } from '../../../src-main/core/firm/migrate-firm-database';
import { firmMigrations } from '../../../src-main/core/firm/migrations';
import type { FirmMigration } from '../../../src-main/core/firm/migrations/firm-migration';
import { startPostgresTestCluster, type PostgresTestCluster } from '../../support/postgres-cluster';

// The firm database's schema: numbered migrations, each in a transaction with its row in schema_migrations, under an
// advisory lock; a schema this server does not know is refused and left untouched (docs/firm-server.md#migrations).

let cluster: PostgresTestCluster | null = null;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  cluster = await startPostgresTestCluster();
});
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  await cluster?.stop();
});

/** A pool on a new, empty database, or (with `url`) another pool on that one, as another server would open. */
async function poolOn(url?: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url ?? (await cluster!.createDatabase()) });
  pools.push(pool);
  return pool;
}

async function recordedMigrations(pool: pg.Pool) {
  return (await pool.query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')).rows;
}

async function tableNames(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((row) => row.table_name);
}

async function refusal(work: Promise<unknown>): Promise<FirmError> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FirmError);
  return error as FirmError;
}

describe('the firm database’s migrations', () => {
  it('bring an empty database to the newest schema, recording each step', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const pool = await poolOn();
    expect(await readSchemaVersion(pool)).toBe(0);
    expect(await migrateFirmDatabase(pool)).toBe(firmMigrations.length);
    expect(await readSchemaVersion(pool)).toBe(firmMigrations.length);
    expect((await recordedMigrations(pool)).map(({ version, name }) => ({ version, name }))).toEqual(
      firmMigrations.map(({ version, name }) => ({ version, name })),
    );
    expect(await tableNames(pool)).toEqual([
      'case_team_members',
      'docket_entries',
      'entry_notices',
      'free_look_documents',
      'free_looks',
      'mailbox_sync',
      'mailboxes',
      'notices',
      'schema_migrations',
      'shared_draft_documents',
      'shared_drafts',
      'users',
    ]);
  });

  it('change nothing when run again', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const pool = await poolOn();
    await migrateFirmDatabase(pool);
    const before = await recordedMigrations(pool);
    await pool.query(
      "INSERT INTO users (name, role, token_sha256) VALUES ('jdoe', 'attorney', sha256('a token'::bytea))",
    );
    expect(await migrateFirmDatabase(pool)).toBe(firmMigrations.length);
    expect(await recordedMigrations(pool)).toEqual(before);
    expect((await pool.query('SELECT name FROM users')).rows).toEqual([{ name: 'jdoe' }]);
  });

  it('run once when several servers start on an empty database at the same moment', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const url = await cluster.createDatabase();
    const servers = await Promise.all([1, 2, 3, 4].map(() => poolOn(url)));
    const [first] = servers;
    const versions = await Promise.all(servers.map((pool) => migrateFirmDatabase(pool)));
    expect(versions).toEqual(servers.map(() => firmMigrations.length));
    expect(await recordedMigrations(first!)).toHaveLength(firmMigrations.length);
  });

  it('refuse a database a newer server has migrated, and leave it untouched', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const pool = await poolOn();
    await migrateFirmDatabase(pool);
    await pool.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
      firmMigrations.length + 1,
      'drafts-from-the-future',
    ]);
    const before = await recordedMigrations(pool);
    const error = await refusal(migrateFirmDatabase(pool));
    expect(error.code).toBe('schema.newer');
    expect(error.message).toContain(
      `schema version ${firmMigrations.length + 1}, newer than this server knows (up to ${firmMigrations.length})`,
    );
    expect(await recordedMigrations(pool)).toEqual(before);
  });

  it('refuse a history they do not recognise: another name for a step, or another program’s table', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const renamed = await poolOn();
    await migrateFirmDatabase(renamed);
    await renamed.query("UPDATE schema_migrations SET name = 'something-else' WHERE version = 1");
    const error = await refusal(migrateFirmDatabase(renamed));
    expect(error.code).toBe('schema.unrecognised');
    expect(error.message).toContain('lists version 1 as "something-else"');

    const foreign = await poolOn();
    // Rails keeps a schema_migrations table too, with a text version and no name.
    await foreign.query('CREATE TABLE schema_migrations (version varchar PRIMARY KEY)');
    await foreign.query("INSERT INTO schema_migrations VALUES ('20240101000000')");
    expect((await refusal(migrateFirmDatabase(foreign))).code).toBe('schema.unrecognised');
    expect(await tableNames(foreign)).toEqual(['schema_migrations']);
  });

  it('roll a failed step back whole: neither its tables nor its row remain', async (context) => {
    if (!cluster) {
      return context.skip();
    }
    const pool = await poolOn();
    const broken: FirmMigration = {
      version: firmMigrations.length + 1,
      name: 'half-done',
      sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();',
    };
    await expect(migrateFirmDatabase(pool, [...firmMigrations, broken])).rejects.toThrow(
      `Firm migration ${firmMigrations.length + 1} (half-done) failed and was rolled back`,
    );
    expect(await readSchemaVersion(pool)).toBe(firmMigrations.length);
    expect(await tableNames(pool)).not.toContain('half_done');
    // The lock was let go: the next start migrates as usual.
    expect(await migrateFirmDatabase(pool)).toBe(firmMigrations.length);
  });
});
