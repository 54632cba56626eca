import type pg from 'pg';
import { caseNumberKey, entryKey, normaliseDocId } from '../inbox/store/entry-key';
import type { ParsedNotice } from '../inbox/nef/notice-types';
import { freeLookLinks } from '../inbox/nef/free-look-links';
import { readDocumentLink } from '../inbox/nef/read-links';
import { checkNoticeLink, type UrlTrust } from '../security/url-gate';
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
 */
export async function storeNotice(pool: pg.Pool, arrived: ArrivedNotice, trust: UrlTrust): Promise<StoredNotice> {
  // PostgreSQL's text and jsonb cannot hold NUL, which a hostile message may carry: it is dropped.
  const parsed = JSON.stringify(arrived.notice, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '') : value,
  );
  const notice = JSON.parse(parsed) as ParsedNotice;
  if (Buffer.byteLength(parsed) > maxParsedNoticeBytes) {
    throw new Error(`The notice "${notice.subject.slice(0, 120)}" is larger than a notice may be; it was not stored.`);
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Each statement is prepared once a connection (by its name): an import of a backlog runs them thousands of times.
    const inserted = await client.query<{ id: string }>({
      name: 'ecf-store-notice',
      text: `INSERT INTO notices (raw_sha256, mailbox_id, received_at, kind, court, subject, parsed)
       VALUES (decode($1, 'hex'), $2, $3, $4, $5, $6, $7) ON CONFLICT (raw_sha256) DO NOTHING RETURNING id`,
      values: [
        arrived.rawSha256,
        arrived.mailboxId,
        arrived.receivedAt,
        notice.kind,
        notice.court?.slice(0, 16) ?? null,
        notice.subject.slice(0, 2000),
        parsed,
      ],
    });
    const noticeId = inserted.rows[0]?.id;
    if (noticeId === undefined) {
      await client.query('COMMIT');
      return { outcome: 'duplicate' };
    }
    let newEntries = 0;
    const entryIds = new Map<string, string>();
    for (const docket of notice.kind === 'ignored' ? [] : notice.dockets) {
      const key = entryKey(notice.court, docket);
      if (entryIds.has(key)) {
        continue;
      }
      const entry = await client.query<{ id: string; is_new: boolean }>({
        name: 'ecf-store-entry',
        text: `WITH added AS (
           INSERT INTO docket_entries (entry_key, court, case_number, case_key, case_id, de_seq_num, first_notice_id,
             is_restricted, search)
           VALUES ($1, $2, $3, $8, $4, $5, $6, $7, to_tsvector('english', $9)) ON CONFLICT (entry_key) DO NOTHING RETURNING id)
         SELECT id, true AS is_new FROM added
         UNION ALL SELECT id, false FROM docket_entries WHERE entry_key = $1 AND NOT EXISTS (SELECT 1 FROM added)`,
        values: [
          key.slice(0, 1024),
          notice.court?.slice(0, 16) ?? null,
          docket.caseNumber.slice(0, 200),
          docket.caseId?.slice(0, 40) ?? null,
          docket.deSeqNum?.slice(0, 40) ?? null,
          noticeId,
          isRestrictedDocket(docket),
          caseNumberKey(docket.caseNumber).slice(0, 200),
          entrySearchText(docket, notice.recipients),
        ],
      });
      const row = entry.rows[0];
      if (!row) {
        throw new Error('A docket entry could not be stored or found.');
      }
      newEntries += row.is_new ? 1 : 0;
      entryIds.set(key, row.id);
    }
    // The notice's links, all at once: those the gate refused kept with its reason, the others waiting to be fetched
    // (one per document of an entry, whichever notice brought it first).
    const links = linksOf(notice, trust).flatMap((link) => {
      const entryId = entryIds.get(link.entryKey);
      return entryId === undefined
        ? []
        : [
            {
              entryId,
              documentKey: link.documentKey.slice(0, 2048),
              url: link.url.slice(0, 4096),
              refusal: link.refusal,
            },
          ];
    });
    const refused = links.filter((link) => link.refusal !== null);
    const allowed = links.filter((link) => link.refusal === null);
    if (refused.length > 0) {
      await client.query({
        name: 'ecf-store-refused-looks',
        text: `INSERT INTO free_looks (entry_id, notice_id, document_key, url, state, message, finished_at)
           SELECT link.entry_id, $1, link.document_key, link.url, 'refused', link.message, now()
             FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS link (entry_id, document_key, url, message)`,
        values: [
          noticeId,
          refused.map((link) => link.entryId),
          refused.map((link) => link.documentKey),
          refused.map((link) => link.url),
          refused.map((link) => (link.refusal ?? '').slice(0, 2000)),
        ],
      });
    }
    let pendingLooks = 0;
    if (allowed.length > 0) {
      const looks = await client.query({
        name: 'ecf-store-pending-looks',
        text: `INSERT INTO free_looks (entry_id, notice_id, document_key, url, state)
           SELECT link.entry_id, $1, link.document_key, link.url, 'pending'
             FROM unnest($2::bigint[], $3::text[], $4::text[]) AS link (entry_id, document_key, url)
           ON CONFLICT (entry_id, document_key) WHERE state <> 'refused' DO NOTHING`,
        values: [
          noticeId,
          allowed.map((link) => link.entryId),
          allowed.map((link) => link.documentKey),
          allowed.map((link) => link.url),
        ],
      });
      pendingLooks = looks.rowCount ?? 0;
    }
    // Linking the notice to an entry touches the entry, which announces it to desktops (migration 0003): done last, once
    // per entry, with the entry's looks in place.
    if (entryIds.size > 0) {
      await client.query({
        name: 'ecf-store-entry-notices',
        text: `INSERT INTO entry_notices (entry_id, notice_id) SELECT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING`,
        values: [[...entryIds.values()], noticeId],
      });
    }
    if (pendingLooks > 0) {
      // Delivered at commit to every server listening, so each one's workers wake and claim.
      await client.query(`NOTIFY ${freeLooksChannel}`);
    }
    await client.query('COMMIT');
    return { outcome: 'new', noticeId: Number(noticeId), newEntries, pendingLooks };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
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
