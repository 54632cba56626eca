import type { StoppedState } from '../inbox/free-look/follow-document-link';
import { hostname } from 'node:os';
import type pg from 'pg';

/**
 * The advisory lock each running server holds for its whole life on one connection of its own (keys "ECFS" and the
 * server's number; migrations lock "ECFD"): PostgreSQL lets go of it the moment that connection ends, when the server stops or dies, on any
 * machine. A claim whose server no longer holds its lock was left by a server that is gone.
 */
const instanceLockNamespace = 0x45434653;

/** A free look a server has claimed: the claim is committed before the court is asked anything. */
export interface ClaimedFreeLook {
  readonly id: number;
  /** The number of the server that claimed it (a server takes a new number when its lock's connection broke). */
  readonly claimedBy: number;
  readonly url: string;
  readonly court: string | null;
}

/** How a free look ended, as the fetcher said. */
export interface FinishedFreeLook {
  readonly state: 'saved' | 'stopped' | 'failed' | 'refused';
  /** Why a `stopped` look stopped: the court asked for a login because the look was used or expired, or the document is sealed, or the notice carried none. */
  readonly stoppedAs?: StoppedState;
  readonly message: string | null;
  readonly documents: readonly {
    readonly number: string;
    readonly description: string;
    readonly pdfSha256: string | null;
    readonly pages: number | null;
    readonly state: string;
    readonly message: string | null;
  }[];
}

/** The message a free look interrupted by its server's end shows (docs/firm-server.md#free-looks-once-for-the-firm). */
export const interruptedMessage =
  'The server fetching this free look stopped before it finished, and the court may already have served it: a free ' +
  'look is free once only, so the server does not ask again. Open the document from the case docket in PACER (the ' +
  'usual fees apply), or ask the filer for a copy.';

/** This server's place among the firm's servers: its number, the lock that says it runs, and its name in claims. */
export interface ServerInstance {
  /** The number claims made now carry. */
  readonly id: number;
  readonly name: string;
  /** Whether the lock is still held (false once its connection broke: the server must not claim any more). */
  isAlive(): boolean;
  /**
   * Takes a new number and holds its lock on a new connection, once the old connection broke (PostgreSQL restarted):
   * the old number's claims are then those of a server that is gone (docs/firm-server.md#when-postgresql-restarts).
   */
  renew(): Promise<void>;
  release(): Promise<void>;
}

/** Takes a new server number and holds its lock on a connection of its own until `release`. */
export async function registerServerInstance(pool: pg.Pool): Promise<ServerInstance> {
  const name = `${hostname()} pid ${process.pid}`.slice(0, 300);
  let place = await holdServerNumber(pool);
  let isReleased = false;
  // One renewal at a time: workers that find the place lost together share it.
  let renewing: Promise<void> | null = null;
  const renew = async (): Promise<void> => {
    const renewed = await holdServerNumber(pool);
    if (isReleased) {
      await renewed.release();
      return;
    }
    await place.release();
    place = renewed;
  };
  return {
    get id() {
      return place.id;
    },
    name,
    isAlive: () => !isReleased && place.isAlive(),
    renew() {
      if (isReleased || place.isAlive()) {
        return Promise.resolve();
      }
      renewing ??= renew().finally(() => {
        renewing = null;
      });
      return renewing;
    },
    async release() {
      if (!isReleased) {
        isReleased = true;
        await place.release();
      }
    },
  };
}

/** One server number and its lock, held on a connection of its own until released or the connection breaks. */
async function holdServerNumber(
  pool: pg.Pool,
): Promise<{ readonly id: number; isAlive(): boolean; release(): Promise<void> }> {
  const client = await pool.connect();
  let isAlive = true;
  let isReleased = false;
  const onError = (): void => {
    isAlive = false;
  };
  client.on('error', onError);
  client.on('end', onError);
  try {
    const { rows } = await client.query<{ id: string }>("SELECT nextval('firm_server_instances') AS id");
    const id = Number(rows[0]?.id);
    // The number stays within an advisory lock's 32-bit key for two billion starts.
    await client.query('SELECT pg_advisory_lock($1, $2)', [instanceLockNamespace, id]);
    return {
      id,
      isAlive: () => isAlive,
      async release() {
        if (isReleased) {
          return;
        }
        isReleased = true;
        // Let go of the lock at once (ending the connection would too, but only once PostgreSQL sees it end).
        if (isAlive) {
          await client.query('SELECT pg_advisory_unlock($1, $2)', [instanceLockNamespace, id]).catch(() => undefined);
        }
        isAlive = false;
        // The connection is not reused: a pooled one must hold no lock of this server's.
        client.release(true);
      },
    };
  } catch (error) {
    client.release(true);
    throw error;
  }
}

/**
 * Claims the oldest pending free look for this server, or null when none waits. The row is locked while it is claimed
 * and locked rows are skipped, so servers claiming at once each get a different one; the claim is committed when this
 * resolves, before any request to the court.
 */
export async function claimFreeLook(pool: pg.Pool, instance: ServerInstance): Promise<ClaimedFreeLook | null> {
  const { rows } = await pool.query<{ id: string; claimed_by: string; url: string; court: string | null }>(
    `UPDATE free_looks AS look SET state = 'fetching', claimed_by = $1, claimed_by_name = $2, claimed_at = now()
       FROM docket_entries AS entry
      WHERE look.id = (SELECT id FROM free_looks WHERE state = 'pending' ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
        AND entry.id = look.entry_id
      RETURNING look.id, look.claimed_by, look.url, entry.court`,
    [instance.id, instance.name],
  );
  const row = rows[0];
  return row ? { id: Number(row.id), claimedBy: Number(row.claimed_by), url: row.url, court: row.court } : null;
}

/**
 * Records how a claimed free look ended, with its documents; `instance` is the number that claimed it
 * (`ClaimedFreeLook.claimedBy`). A look marked `interrupted` meanwhile (the claiming lock's connection broke, so it was
 * taken for a server that is gone) is recorded too: what the court sent is kept.
 */
export async function finishFreeLook(
  pool: pg.Pool,
  instance: Pick<ServerInstance, 'id'>,
  lookId: number,
  finished: FinishedFreeLook,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query(
      `UPDATE free_looks SET state = $3, message = $4, stopped_as = $5, finished_at = now()
        WHERE id = $1 AND claimed_by = $2 AND state IN ('fetching', 'interrupted')`,
      [lookId, instance.id, finished.state, finished.message?.slice(0, 2000) ?? null, finished.stoppedAs ?? null],
    );
    if (rowCount === 1) {
      for (const document of finished.documents) {
        await client.query(
          `INSERT INTO free_look_documents (free_look_id, number, description, pdf_sha256, pages, state, message)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [
            lookId,
            document.number.slice(0, 20),
            document.description.slice(0, 1000),
            document.pdfSha256,
            document.pages,
            document.state.slice(0, 40),
            document.message?.slice(0, 2000) ?? null,
          ],
        );
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Marks `interrupted` every free look claimed by a server that is gone (its lock released: it stopped or died), and
 * returns how many. They are never fetched again by themselves: the court may have served the look already, and a
 * second request would not be free.
 */
export async function markInterruptedFreeLooks(pool: pg.Pool): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE free_looks SET state = 'interrupted', message = $2, finished_at = now()
      WHERE state = 'fetching'
        AND NOT EXISTS (
          SELECT 1 FROM pg_locks
           WHERE locktype = 'advisory' AND granted AND objsubid = 2
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND classid::bigint = $1 AND objid::bigint = free_looks.claimed_by)`,
    [instanceLockNamespace, interruptedMessage],
  );
  return rowCount ?? 0;
}
