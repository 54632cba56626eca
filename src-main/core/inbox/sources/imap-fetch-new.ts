import type { ImapFlow } from 'imapflow';
import { maxMailBytes } from '../../../shared/contract';
import type { IncomingMail } from './mail-source';
import type { AppLog } from '../../storage/app-log';

/**
 * How many messages a first sync takes: the newest 2,000, not the whole mailbox. A firm's CM/ECF
 * mailbox can hold years of notices whose free looks expired long ago (the first look is free for
 * 15 days); the docket itself is the record for those, and 2,000 covers months of a busy practice.
 */
export const firstSyncLimit = 2_000;

/** Where one sync resumes and what it does with each message. */
export interface FetchNewMailSettings {
  readonly folder: string;
  /** Adds \Seen after the message was handed over; otherwise the mailbox is opened read-only. */
  readonly marksRead: boolean;
  readonly cursor: () => { readonly uidValidity: string; readonly lastUid: number } | null;
  readonly saveCursor: (uidValidity: string, lastUid: number) => void;
  readonly onMail: (mail: IncomingMail) => Promise<void>;
  /**
   * Hands over several messages at once instead of `onMail`: up to `count` of them, or fewer when they reach `bytes`
   * together. For a store that commits many messages at once faster than each alone; the cursor moves past them once
   * `onMails` resolved for them all.
   */
  readonly batch?: {
    readonly count: number;
    readonly bytes: number;
    readonly onMails: (mails: readonly IncomingMail[]) => Promise<void>;
  };
  readonly log: AppLog;
  /** Messages larger than this are passed over unread (default `maxMailBytes`, what a dropped email file may be). */
  readonly largestMessageBytes?: number;
}

/**
 * Hands over, oldest first, every message of the open mailbox after the saved cursor, and returns how
 * many it handed over. The cursor moves only after `onMail` (or `onMails`) resolved for a message, so a
 * crash or a dropped connection re-delivers at most the messages in hand; the store's dedupe absorbs that.
 */
export async function fetchNewMail(client: ImapFlow, settings: FetchNewMailSettings): Promise<number> {
  const mailbox = client.mailbox;
  if (mailbox === false) {
    throw new Error(`The folder "${settings.folder}" is not open.`);
  }
  const uidValidity = mailbox.uidValidity.toString();
  const after = resumeAfter(settings, uidValidity);
  if (mailbox.exists === 0) {
    return 0;
  }

  // `N:*` always matches the highest UID, even one at or below N (RFC 3501 §6.4.8), hence the filter.
  const found = await client.search({ uid: `${after + 1}:*` }, { uid: true });
  const uids = (found || []).filter((uid) => uid > after).sort((left, right) => left - right);
  const wanted = after === 0 ? uids.slice(-firstSyncLimit) : uids;

  const largest = settings.largestMessageBytes ?? maxMailBytes;
  const sizes = await messageSizes(client, wanted);
  const batch = settings.batch ?? {
    count: 1,
    bytes: Number.POSITIVE_INFINITY,
    onMails: async ([mail]: readonly IncomingMail[]) => (mail === undefined ? undefined : settings.onMail(mail)),
  };
  let inHand: { readonly uid: number; readonly mail: IncomingMail }[] = [];
  let inHandBytes = 0;
  // The last UID handed over or passed over whose move of the cursor waits for the messages in hand to be handed over.
  let passed: number | null = null;
  let handedOver = 0;
  const handOver = async (): Promise<void> => {
    const mails = inHand;
    inHand = [];
    inHandBytes = 0;
    if (mails.length > 0) {
      await batch.onMails(mails.map(({ mail }) => mail));
      if (settings.marksRead) {
        await client.messageFlagsAdd(mails.map(({ uid }) => uid).join(','), ['\\Seen'], { uid: true });
      }
      handedOver += mails.length;
    }
    if (passed !== null) {
      settings.saveCursor(uidValidity, passed);
      passed = null;
    }
  };
  for (const uid of wanted) {
    const size = sizes.get(uid);
    if (size !== undefined && size > largest) {
      // A message is fetched whole into memory: one far larger than any notice is never fetched at all.
      settings.log(
        `"${settings.folder}": message ${uid} is ${megabytes(size)} MB, larger than the ${megabytes(largest)} MB an email may be; it was passed over unread.`,
        'warn',
      );
    } else {
      // `source: true` fetches BODY.PEEK[] (imapflow's commands/fetch.js), which leaves \Seen alone.
      const message = await client.fetchOne(
        String(uid),
        { uid: true, source: true, internalDate: true },
        { uid: true },
      );
      if (message !== false && message.source !== undefined) {
        inHand.push({
          uid,
          mail: {
            raw: message.source,
            receivedAt: receivedAt(message.internalDate),
            sourceKey: `imap:${settings.folder}:${uidValidity}:${uid}`,
          },
        });
        inHandBytes += message.source.length;
      }
      // A message expunged since the search is passed over for good: it cannot come back under this UID.
    }
    passed = uid;
    // The cursor moves past a message only once it was handed over, and past one passed over once those before it were.
    if (inHand.length === 0 || inHand.length >= batch.count || inHandBytes >= batch.bytes) {
      await handOver();
    }
  }
  await handOver();
  return handedOver;
}

/** Each wanted message's size in octets (RFC 3501 §6.4.5, RFC822.SIZE), asked for all of them in one command. */
async function messageSizes(client: ImapFlow, uids: readonly number[]): Promise<Map<number, number>> {
  const first = uids[0];
  const last = uids.at(-1);
  if (first === undefined || last === undefined) {
    return new Map();
  }
  const messages = await client.fetchAll(`${first}:${last}`, { uid: true, size: true }, { uid: true });
  return new Map(
    messages.flatMap((message) => (message.size === undefined ? [] : [[message.uid, message.size] as const])),
  );
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** The last UID already handed over, or 0 to start over. */
function resumeAfter(settings: FetchNewMailSettings, uidValidity: string): number {
  const cursor = settings.cursor();
  if (cursor === null) {
    return 0;
  }
  if (cursor.uidValidity === uidValidity) {
    return cursor.lastUid;
  }
  // RFC 3501 §2.3.1.1: a new UIDVALIDITY means the old UIDs name nothing any more. Reading the newest
  // messages again is safe because the store dedupes by the message itself, not by UID.
  settings.log(
    `"${settings.folder}" was renumbered by the server (UIDVALIDITY ${cursor.uidValidity} is now ${uidValidity}); reading its newest messages again.`,
  );
  return 0;
}

function receivedAt(internalDate: Date | string | undefined): Date {
  const date = internalDate === undefined ? new Date() : new Date(internalDate);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}
