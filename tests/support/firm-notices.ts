import { createHash } from 'node:crypto';
import type pg from 'pg';
import { firmCourtTrust } from '../../src-main/core/firm/firm-court';
import { storeNotice, type StoredNotice } from '../../src-main/core/firm/firm-notices';
import { parseNotice } from '../../src-main/core/inbox/nef/parse-notice';
import type { UrlTrust } from '../../src-main/core/security/url-gate';
import { composeNefEmail } from '../../src-main/training-court/mail/compose-nef';
import type { NefEntry } from '../../src-main/training-court/mail/nef-message';
import { sampleNefEntry } from '../unit/training-court/mail/sample-nef-entry';

/** What the URL gate trusts on a firm server of the CIT. */
export const citTrust: UrlTrust = (() => {
  const court = firmCourtTrust('cit', null);
  if ('refusal' in court) {
    throw new Error(court.refusal);
  }
  return court.trust;
})();

/** The CIT as its notices name it. */
export const citCourt = {
  name: 'U.S. Court of International Trade',
  baseUrl: 'https://ecf.cit.uscourts.gov',
  fromAddress: 'cmecf_notices@cit.uscourts.gov',
  mailDomain: 'cit.uscourts.gov',
};

/** The firm's docketing mailbox (never read: its password file does not exist), added when missing: its id. */
export async function addTestMailbox(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO mailboxes (name, host, port, secure, login, folder, password_file)
     VALUES ('docketing', '127.0.0.1', 143, false, 'docketing', 'INBOX', '/nonexistent')
     ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`,
  );
  return Number(rows[0]?.id);
}

/**
 * Stores, as the firm server does, the CIT's notice of one docket entry (the sample entry with `entry`'s fields) sent to
 * the firm's docketing address with its own free-look number.
 */
export async function storeCitNotice(
  pool: pg.Pool,
  mailboxId: number,
  entry: Partial<NefEntry>,
  magicNum: string,
): Promise<StoredNotice> {
  const raw = composeNefEmail(
    sampleNefEntry({ court: citCourt, ...entry }),
    { email: 'docketing@firm.example', magicNum },
    { messageId: `firm-${magicNum}`, date: new Date('2026-07-14T19:42:12Z') },
  );
  return storeNotice(
    pool,
    {
      rawSha256: createHash('sha256').update(raw).digest('hex'),
      mailboxId,
      receivedAt: new Date('2026-07-14T19:42:12Z'),
      notice: await parseNotice(Buffer.from(raw)),
    },
    citTrust,
  );
}
