import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CourtRecords, DocketEntryRecord } from './court-records';
import { composeNefEmail } from './mail/compose-nef';
import type { NefCourt, NefEntry, NefOtherMeansRecipient, NefRecipient } from './mail/nef-message';
import { caseNumberWithJudges } from './seed';
import { describeError } from '../shared/describe-error';

/** Free looks last 15 days or until first use, whichever comes first (docs/court-rules.md#free-looks). */
export const freeLookLifetimeMs = 15 * 24 * 60 * 60 * 1000;

/** Somewhere a notice can be delivered: the court's Maildir, an IMAP server. */
export interface MailDelivery {
  readonly channel: string;
  deliver(email: string, rawMessage: string): Promise<unknown>;
}

/** Who receives one entry's notice: every address of every registered attorney of record; others by other means (FAQ 36–37). */
export function noticeRecipients(
  records: CourtRecords,
  caseId: number,
): { electronic: NefRecipient[]; otherMeans: NefOtherMeansRecipient[]; verifiesFreeLook: Map<string, boolean> } {
  const electronic: NefRecipient[] = [];
  const otherMeans: NefOtherMeansRecipient[] = [];
  const verifiesFreeLook = new Map<string, boolean>();
  const seen = new Set<string>();
  for (const party of records.partiesOf(caseId)) {
    if (party.proSe) {
      if (party.proSe.email) {
        electronic.push({ name: party.name, emails: [party.proSe.email] });
      } else {
        otherMeans.push({ name: party.name, addressLines: party.proSe.addressLines });
      }
      continue;
    }
    for (const attorneyId of party.attorneyIds) {
      const attorney = records.attorney(attorneyId);
      if (!attorney || seen.has(attorney.id)) {
        continue;
      }
      seen.add(attorney.id);
      const [last, first] = attorney.name.split(', ');
      if (!attorney.isRegisteredForEService) {
        otherMeans.push({ name: `${first} ${last}`, addressLines: attorney.addressLines });
        continue;
      }
      const emails = [attorney.email, ...attorney.secondaryEmails];
      for (const email of emails) {
        verifiesFreeLook.set(email.toLowerCase(), attorney.verifiesFreeLook);
      }
      electronic.push({ name: `${first} ${last}`, emails });
    }
  }
  return { electronic, otherMeans, verifiesFreeLook };
}

/** Builds the notice of one docket entry. */
export function nefEntryFor(
  records: CourtRecords,
  court: NefCourt,
  entry: DocketEntryRecord,
  regeneratedAt?: Date,
): NefEntry {
  const courtCase = records.caseById(entry.caseId);
  if (!courtCase) {
    throw new Error(`Case ${entry.caseId} is not on file`);
  }
  const { electronic, otherMeans } = noticeRecipients(records, entry.caseId);
  return {
    court,
    caseId: entry.caseId,
    caseNumber: caseNumberWithJudges(courtCase),
    caseName: courtCase.caption,
    shortDescription: entry.shortDescription,
    documentNumber: entry.documents.length === 0 ? null : entry.documentNumber,
    deSeqNum: entry.deSeqNum,
    filer: entry.filer,
    enteredBy: entry.enteredBy,
    enteredAt: new Date(entry.enteredAt),
    filedAt: new Date(entry.enteredAt),
    docketText: entry.docketText,
    documents: entry.documents.map((document) => ({
      description: document.description,
      originalFilename: document.originalFilename,
      docId: document.docId,
      stampId: document.stampId,
      fileNumber: document.fileNumber,
      stampDigest: document.stampDigest,
    })),
    electronicRecipients: electronic,
    otherMeansRecipients: otherMeans,
    ...(regeneratedAt ? { regeneratedAt } : {}),
  };
}

/** Sends one entry's notice to every electronic address, each with its own magic number, through every delivery. */
export function createNoticeDispatcher(options: {
  db: Database.Database;
  records: CourtRecords;
  court: NefCourt;
  deliveries: () => readonly MailDelivery[];
  now: () => number;
  mailDelayMs: () => number;
}) {
  const { db, records, court, now } = options;
  const pending = new Set<Promise<void>>();

  const issueMagicNumber = (entry: DocketEntryRecord, email: string, verifies: boolean): string => {
    for (;;) {
      const magicNum = String(randomInt(10_000_000, 100_000_000));
      const inserted = db
        .prepare('INSERT OR IGNORE INTO magic_links VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(magicNum, entry.caseId, entry.deSeqNum, email, Number(verifies), now(), now() + freeLookLifetimeMs);
      if (inserted.changes === 1) {
        return magicNum;
      }
    }
  };

  const deliverAll = async (nef: NefEntry, entry: DocketEntryRecord, isRegenerated: boolean): Promise<void> => {
    const delay = options.mailDelayMs();
    if (delay > 0) {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const { verifiesFreeLook } = noticeRecipients(records, entry.caseId);
    // A shared docketing address listed by two attorneys gets one notice, as one mailbox should.
    const sent = new Set<string>();
    for (const recipient of nef.electronicRecipients) {
      for (const email of recipient.emails) {
        if (sent.has(email.toLowerCase())) {
          continue;
        }
        sent.add(email.toLowerCase());
        const magicNum = issueMagicNumber(
          entry,
          email.toLowerCase(),
          verifiesFreeLook.get(email.toLowerCase()) ?? false,
        );
        const messageId = `${entry.caseId}.${entry.deSeqNum}.${magicNum}@${court.mailDomain}`;
        for (const delivery of options.deliveries()) {
          const logged = db
            .prepare(
              'INSERT INTO mail_log (recipient, case_id, de_seq_num, message_id, is_regenerated, channel) VALUES (?, ?, ?, ?, ?, ?)',
            )
            .run(email, entry.caseId, entry.deSeqNum, messageId, Number(isRegenerated), delivery.channel);
          try {
            await delivery.deliver(
              email,
              composeNefEmail(nef, { email, magicNum }, { messageId, date: new Date(now()) }),
            );
            db.prepare('UPDATE mail_log SET delivered_at = ? WHERE id = ?').run(now(), logged.lastInsertRowid);
          } catch (error) {
            db.prepare('UPDATE mail_log SET error = ? WHERE id = ?').run(
              describeError(error).message,
              logged.lastInsertRowid,
            );
          }
        }
      }
    }
  };

  return {
    /** Queues the notice; the filer's receipt does not wait for mail (a mailbox delay fault shows this). */
    send(entry: DocketEntryRecord, regeneratedAt?: Date): NefEntry {
      const nef = nefEntryFor(records, court, entry, regeneratedAt);
      const job = deliverAll(nef, entry, regeneratedAt !== undefined).finally(() => pending.delete(job));
      pending.add(job);
      return nef;
    },
    /** Resolves when every queued notice has been delivered (or failed and been logged). */
    async settle(): Promise<void> {
      while (pending.size > 0) {
        await Promise.all([...pending]);
      }
    },
  };
}

/** Sends notices. */
export type NoticeDispatcher = ReturnType<typeof createNoticeDispatcher>;
