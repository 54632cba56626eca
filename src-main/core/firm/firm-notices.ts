import type pg from 'pg';
import { caseNumberKey, entryKey, normaliseDocId } from '../inbox/store/entry-key';
import type { NoticeDocket, ParsedNotice } from '../inbox/nef/notice-types';
import { freeLookLinks } from '../inbox/nef/free-look-links';
import { readDocumentLink } from '../inbox/nef/read-links';
import { checkNoticeLink, type UrlTrust } from '../security/url-gate';
import { isDatabaseUnavailable } from './firm-database';
import { isRestrictedDocket } from './firm-entries';
import { entrySearchText } from './firm-search';

/** The most a parsed notice may take in the database, as JSON (the table checks the same). */
export const maxParsedNoticeBytes = 1024 * 1024;

/** The channel a stored notice with free looks to fetch is announced on (LISTEN/NOTIFY). */
export const freeLooksChannel = 'ecf_desk_free_looks';

/** One message read from a mailbox, parsed (in the isolated child) into the notice it carries. */
export interface ArrivedNotice {
  /** The raw message's SHA-256 (hex): the same message read twice, by one server or two, is one notice. */
  readonly rawSha256: string;
  readonly mailboxId: number;
  readonly receivedAt: Date;
  readonly notice: ParsedNotice;
}

/** What storing a notice came to: stored now (with its new entries and the free looks they wait for), or already there. */
export type StoredNotice =
  | { readonly outcome: 'new'; readonly noticeId: number; readonly newEntries: number; readonly pendingLooks: number }
  | { readonly outcome: 'duplicate' };

/** One link of the notice, with the entry it belongs to and what the URL gate said. */
interface NoticeLink {
  readonly entryKey: string;
  readonly documentKey: string;
  readonly url: string;
  readonly refusal: string | null;
}

/**
 * Stores a notice once for the firm, in one transaction: the message by its SHA-256, each docket entry by the desktop's
 * entry key (`entryKey`), and each link a free look could follow, checked by the URL gate first: an allowed one waits as
 * `pending` (one per document of an entry, whichever notice brought it first), a refused one is kept as `refused` with
 * the gate's reason and is never fetched. Two servers storing the same message at once: the second waits on the first's
 * row and finds it, so the notice, its entries and its free looks exist once.
 *
 * It is one call of `ecf_desk_store_notice` (migration 6): one statement, so one round trip and one transaction
 * (docs/firm-server.md#sizing).
 */
export async function storeNotice(pool: pg.Pool, arrived: ArrivedNotice, trust: UrlTrust): Promise<StoredNotice> {
  return storedOf(await pool.query<StoreNoticeRow>(storeNoticeQuery(arrived, trust)));
}

/** The most notices `storeNotices` is given at once: a backlog is stored this many a transaction. */
export const noticesPerTransaction = 50;

/**
 * Stores several notices, in the order given, as `storeNotice` stores each, in one transaction: a backlog of mail
 * commits once for many notices rather than once for each (docs/firm-server.md#sizing). Each notice's outcome is
 * answered in the same order; a notice refused (too large, or by the database) is refused alone: when the database
 * refuses one, the transaction is undone and each notice is stored again in a transaction of its own. A database that
 * cannot be reached is thrown for them all, as nothing was stored.
 */
export async function storeNotices(
  pool: pg.Pool,
  arrived: readonly ArrivedNotice[],
  trust: UrlTrust,
): Promise<PromiseSettledResult<StoredNotice>[]> {
  const queries = arrived.map((one): PromiseSettledResult<pg.QueryConfig> => {
    try {
      return { status: 'fulfilled', value: storeNoticeQuery(one, trust) };
    } catch (error) {
      return { status: 'rejected', reason: error };
    }
  });
  const client = await pool.connect();
  let stored: PromiseSettledResult<StoredNotice>[];
  try {
    await client.query('BEGIN');
    stored = [];
    for (const query of queries) {
      stored.push(
        query.status === 'rejected'
          ? query
          : { status: 'fulfilled', value: storedOf(await client.query<StoreNoticeRow>(query.value)) },
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (isDatabaseUnavailable(error)) {
      throw error;
    }
    return alone(pool, queries);
  } finally {
    client.release();
  }
  return stored;
}

/** Each notice stored in a transaction of its own, after storing them together failed: one refused, the others not. */
async function alone(
  pool: pg.Pool,
  queries: readonly PromiseSettledResult<pg.QueryConfig>[],
): Promise<PromiseSettledResult<StoredNotice>[]> {
  const stored: PromiseSettledResult<StoredNotice>[] = [];
  for (const query of queries) {
    if (query.status === 'rejected') {
      stored.push(query);
      continue;
    }
    try {
      stored.push({ status: 'fulfilled', value: storedOf(await pool.query<StoreNoticeRow>(query.value)) });
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        throw error;
      }
      stored.push({ status: 'rejected', reason: error });
    }
  }
  return stored;
}

/** What `ecf_desk_store_notice` answers: the notice's id, null for a duplicate. */
interface StoreNoticeRow {
  readonly stored_notice: string | null;
  readonly new_entries: number;
  readonly pending_looks: number;
}

function storedOf({ rows }: pg.QueryResult<StoreNoticeRow>): StoredNotice {
  const row = rows[0];
  if (!row || row.stored_notice === null) {
    return { outcome: 'duplicate' };
  }
  return {
    outcome: 'new',
    noticeId: Number(row.stored_notice),
    newEntries: row.new_entries,
    pendingLooks: row.pending_looks,
  };
}

/**
 * The call of `ecf_desk_store_notice` that stores the notice: its values bounded as the tables require, its docket
 * entries each once, and its links each naming its entry. Throws for a notice larger than a notice may be.
 */
function storeNoticeQuery(arrived: ArrivedNotice, trust: UrlTrust): pg.QueryConfig {
  // PostgreSQL's text and jsonb cannot hold NUL, which a hostile message may carry: it is dropped.
  const parsed = JSON.stringify(arrived.notice, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '') : value,
  );
  const notice = JSON.parse(parsed) as ParsedNotice;
  if (Buffer.byteLength(parsed) > maxParsedNoticeBytes) {
    throw new Error(`The notice "${notice.subject.slice(0, 120)}" is larger than a notice may be; it was not stored.`);
  }
  // Each docket entry once, in the notice's order, by its position among them (1, 2, …, as PostgreSQL counts).
  const entries = new Map<string, { readonly position: number; readonly docket: NoticeDocket }>();
  for (const docket of notice.kind === 'ignored' ? [] : notice.dockets) {
    const key = entryKey(notice.court, docket);
    if (!entries.has(key)) {
      entries.set(key, { position: entries.size + 1, docket });
    }
  }
  const dockets = [...entries].map(([key, { docket }]) => ({ key, docket }));
  // A link whose entry the notice does not name belongs to no entry the firm keeps.
  const links = linksOf(notice, trust).flatMap((link) => {
    const entry = entries.get(link.entryKey);
    return entry === undefined ? [] : [{ ...link, position: entry.position }];
  });
  return {
    // Prepared once a connection (by its name): an import of a backlog runs it thousands of times.
    name: 'ecf-store-notice',
    text: `SELECT stored_notice, new_entries, pending_looks
      FROM ecf_desk_store_notice($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    values: [
      arrived.rawSha256,
      arrived.mailboxId,
      arrived.receivedAt,
      notice.kind,
      notice.court?.slice(0, 16) ?? null,
      notice.subject.slice(0, 2000),
      parsed,
      dockets.map(({ key }) => key.slice(0, 1024)),
      dockets.map(({ docket }) => docket.caseNumber.slice(0, 200)),
      dockets.map(({ docket }) => caseNumberKey(docket.caseNumber).slice(0, 200)),
      dockets.map(({ docket }) => docket.caseId?.slice(0, 40) ?? null),
      dockets.map(({ docket }) => docket.deSeqNum?.slice(0, 40) ?? null),
      dockets.map(({ docket }) => isRestrictedDocket(docket)),
      dockets.map(({ docket }) => entrySearchText(docket, notice.recipients)),
      links.map((link) => link.position),
      links.map((link) => link.documentKey.slice(0, 2048)),
      links.map((link) => link.url.slice(0, 4096)),
      links.map((link) => (link.refusal === null ? null : link.refusal.slice(0, 2000))),
    ],
  };
}

/**
 * Each link of the notice a free look could follow — each docket's document link, and each document's own (ACMS, of
 * the first docket's entry) — with the URL gate's verdict, as the desktop's inbox checks them before storing.
 */
function linksOf(notice: ParsedNotice, trust: UrlTrust): NoticeLink[] {
  const links: NoticeLink[] = [];
  for (const { docket, url } of freeLookLinks(notice)) {
    // A document's own link in a notice that names no docket belongs to no entry the firm keeps.
    if (docket === null) {
      continue;
    }
    const verdict = checkNoticeLink(url, { court: notice.court }, trust);
    links.push({
      entryKey: entryKey(notice.court, docket),
      documentKey: documentKeyOf(url),
      url: verdict.isAllowed ? verdict.url : url,
      refusal: verdict.isAllowed ? null : verdict.reason,
    });
  }
  return links;
}

/**
 * Which document of the entry a link opens: its doc id (each address's notice carries its own magic number for the same
 * document, and the firm needs the document once), else the link itself (ACMS gives every document its own link).
 */
function documentKeyOf(url: string): string {
  const docId = readDocumentLink(url)?.docId ?? null;
  return docId === null ? `url:${url}` : `doc:${normaliseDocId(docId)}`;
}

/** Where reading the mailbox resumes: its UIDVALIDITY and the last UID handed over, or null to start. */
export async function readMailboxCursor(
  pool: pg.Pool,
  mailboxId: number,
): Promise<{ readonly uidValidity: string; readonly lastUid: number } | null> {
  const { rows } = await pool.query<{ uid_validity: string; last_uid: string }>(
    'SELECT uid_validity, last_uid FROM mailbox_sync WHERE mailbox_id = $1',
    [mailboxId],
  );
  const row = rows[0];
  return row ? { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) } : null;
}

/**
 * Moves the mailbox's cursor forward (never back: two servers reading one mailbox both move it, and the one behind
 * leaves it where the other put it); a new UIDVALIDITY starts it again.
 */
export async function saveMailboxCursor(
  pool: pg.Pool,
  mailboxId: number,
  uidValidity: string,
  lastUid: number,
): Promise<void> {
  await pool.query(
    `INSERT INTO mailbox_sync (mailbox_id, uid_validity, last_uid) VALUES ($1, $2, $3)
     ON CONFLICT (mailbox_id) DO UPDATE SET uid_validity = excluded.uid_validity, updated_at = now(),
       last_uid = CASE WHEN mailbox_sync.uid_validity = excluded.uid_validity
                       THEN greatest(mailbox_sync.last_uid, excluded.last_uid) ELSE excluded.last_uid END`,
    [mailboxId, uidValidity, lastUid],
  );
}
