import type pg from 'pg';
import { FirmError } from './firm-error';
import { firmMigrations } from './migrations';
import type { FirmMigration } from './migrations/firm-migration';

/**
 * The advisory lock every server holds while it migrates (its two keys: "ECFD" and 1), so that servers started at the
 * same moment migrate one after the other: the second finds the work done.
 */
const migrationLock = { namespace: 0x45434644, key: 1 } as const;

/** PostgreSQL's error codes met here. */
const undefinedTable = '42P01';
const undefinedColumn = '42703';

interface AppliedMigration {
  readonly version: number;
  readonly name: string;
}

/**
 * Brings the firm database to the newest schema this server knows, each migration in its own transaction with the row
 * that records it, under an advisory lock. A database whose `schema_migrations` names a version this server does not
 * know (a newer server's), or says something it does not recognise, is refused with a `FirmError` and not touched.
 * Returns the schema version.
 */
export async function migrateFirmDatabase(
  pool: pg.Pool,
  list: readonly FirmMigration[] = firmMigrations,
): Promise<number> {
  checkNumbering(list);
  const client = await pool.connect();
  let isLockReleased = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [migrationLock.namespace, migrationLock.key]);
    try {
      return await applyMissing(client, list);
    } finally {
      // Where the connection broke, the lock went with its session: the client is thrown away below.
      isLockReleased = await client
        .query('SELECT pg_advisory_unlock($1, $2)', [migrationLock.namespace, migrationLock.key])
        .then(
          () => true,
          () => false,
        );
    }
  } finally {
    client.release(!isLockReleased);
  }
}

async function applyMissing(client: pg.PoolClient, list: readonly FirmMigration[]): Promise<number> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY CHECK (version > 0),
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  // Read under the lock: a server that held it before may have applied every step meanwhile.
  const applied = await readAppliedMigrations(client);
  checkRecognised(applied, list);
  for (const migration of list.slice(applied.length)) {
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`Firm migration ${migration.version} (${migration.name}) failed and was rolled back.`, {
        cause: error,
      });
    }
  }
  return list.length;
}

/** The schema version the database is at (0 before the first migration), without changing anything. */
export async function readSchemaVersion(client: pg.Pool | pg.PoolClient): Promise<number> {
  try {
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    return rows[0]?.version ?? 0;
  } catch (error) {
    if (codeOf(error) === undefinedTable) {
      return 0;
    }
    throw error;
  }
}

async function readAppliedMigrations(client: pg.PoolClient): Promise<AppliedMigration[]> {
  try {
    const { rows } = await client.query<AppliedMigration>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    return rows;
  } catch (error) {
    // Another program's schema_migrations (Rails and others keep one by that name, without our columns).
    if (codeOf(error) === undefinedColumn) {
      throw unrecognised('its schema_migrations table is not the one ECF Desk keeps');
    }
    throw error;
  }
}

/** Each applied migration must be one of ours, in order, under its own name; a version past ours is a newer one's. */
function checkRecognised(applied: readonly AppliedMigration[], list: readonly FirmMigration[]): void {
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > list.length) {
    throw new FirmError(
      'schema.newer',
      `The firm database is at schema version ${newest}, newer than this server knows (up to ${list.length}): a newer ` +
        'ECF Desk server has upgraded it. This server will not start on it, to leave its data as the newer server ' +
        'wrote it. Install the same or a newer version of ECF Desk on this server.',
    );
  }
  applied.forEach((row, index) => {
    const expected = list[index];
    if (row.version !== index + 1 || row.name !== expected?.name) {
      throw unrecognised(
        `its schema_migrations table lists version ${row.version} as "${row.name}", where this server expects ` +
          `version ${index + 1}${expected ? ` as "${expected.name}"` : ''}`,
      );
    }
  });
}

function unrecognised(what: string): FirmError {
  return new FirmError(
    'schema.unrecognised',
    `The firm database is not one this server recognises: ${what}. This server will not start on it, so as not to ` +
      'change data it does not understand. Check that --database names the firm server’s own database.',
  );
}

function checkNumbering(list: readonly FirmMigration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Firm migration "${migration.name}" has version ${migration.version} at position ${index + 1}; versions must count up from 1 with no gaps.`,
      );
    }
  });
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
