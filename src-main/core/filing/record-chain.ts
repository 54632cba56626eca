import { createHash } from 'node:crypto';
import {
  chainStart,
  filingRecord,
  maxRecordEntries,
  recordEntry,
  type FilingRecord,
  type RecordEntry,
  type RecordVerdict,
} from '../../shared/filing-record';

/**
 * The filing record's chain, in plain Node so the CLI, the app and tests check a record the same way
 * (docs/architecture.md#the-filing-record): each entry's hash is the SHA-256 of the previous entry's hash followed by
 * the canonical JSON of the entry without its hash; the export's seal is the SHA-256 of the canonical JSON of the
 * whole record without the seal, so its header (court, case, export time) cannot change unnoticed either.
 */

/** The largest record file read (a filing's record is a few kilobytes; this bounds a hostile file). */
export const maxRecordBytes = 20 * 1024 * 1024;

/**
 * JSON with every object's keys sorted and no spaces (a key whose value is undefined left out, as JSON.stringify does):
 * the one spelling of a value that is hashed.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash an entry must carry: over the previous hash and the entry without `hash`. */
export function entryHash(entry: Omit<RecordEntry, 'hash'> & { readonly hash?: string }): string {
  return sha256(entry.previousHash + canonicalJson({ ...entry, hash: undefined }));
}

/** The seal of an exported record: over the whole record without `seal`. */
export function recordSeal(record: Omit<FilingRecord, 'seal'> & { readonly seal?: string }): string {
  return sha256(canonicalJson({ ...record, seal: undefined }));
}

/** A record as written to a file: compact JSON, no trailing newline, so every byte of it counts. */
export function recordText(record: FilingRecord): string {
  return JSON.stringify(record);
}

const fieldOf = (path: readonly PropertyKey[]): string => (path.length > 0 ? path.map(String).join('.') : 'the entry');

/**
 * Checks a filing's entries in order, as stored or as exported: each must be an entry of `draftId`, numbered in turn,
 * following the one before by its hash, and hashing to its own hash. Answers the first that does not.
 */
export function verifyEntries(entries: readonly unknown[], draftId: string): RecordVerdict {
  let previousHash = chainStart;
  for (const [position, candidate] of entries.entries()) {
    const number = position + 1;
    const parsed = recordEntry.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        brokenEntry: number,
        reason: `it is not a valid entry (${issue ? `${fieldOf(issue.path)}: ${issue.message}` : 'unreadable'}).`,
      };
    }
    const entry = parsed.data;
    if (entry.index !== number) {
      return {
        ok: false,
        brokenEntry: number,
        reason: `it is numbered ${entry.index} where ${number} belongs: entries were removed or reordered.`,
      };
    }
    if (entry.draftId !== draftId) {
      return { ok: false, brokenEntry: number, reason: 'it belongs to another filing.' };
    }
    if (entry.previousHash !== previousHash) {
      return {
        ok: false,
        brokenEntry: number,
        reason:
          number === 1
            ? 'it does not start the chain: entries before it were removed.'
            : `it does not follow entry ${number - 1}: an entry was removed, added or reordered.`,
      };
    }
    if (entryHash(entry) !== entry.hash) {
      return { ok: false, brokenEntry: number, reason: 'its content was changed after it was recorded.' };
    }
    previousHash = entry.hash;
  }
  return { ok: true, count: entries.length, headHash: previousHash };
}

const notARecord = (why: string): RecordVerdict => ({
  ok: false,
  brokenEntry: 0,
  reason: `this is not a filing record (${why}).`,
});

/**
 * Checks an exported record (parsed JSON): the entries first, so a change names the first broken entry; then that the
 * record ends where its count and head hash say (a record cut short at the end); then the seal over its header.
 * `brokenEntry` 0 means the record as a whole, not one entry.
 */
export function verifyRecord(json: unknown): RecordVerdict {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return notARecord('not a JSON object');
  }
  const candidate = json as Record<string, unknown>;
  if (candidate['format'] !== 'ecf-desk-filing-record') {
    return notARecord('its format is not "ecf-desk-filing-record"');
  }
  const entries = candidate['entries'];
  if (!Array.isArray(entries) || entries.length > maxRecordEntries) {
    return notARecord(`it needs a list of at most ${maxRecordEntries} entries`);
  }
  const draftId = typeof candidate['draftId'] === 'string' ? candidate['draftId'] : '';
  const chain = verifyEntries(entries, draftId);
  if (!chain.ok) {
    return chain;
  }
  const parsed = filingRecord.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return notARecord(issue ? `${fieldOf(issue.path)}: ${issue.message}` : 'unreadable');
  }
  const record = parsed.data;
  if (record.count !== entries.length || record.headHash !== chain.headHash) {
    return {
      ok: false,
      brokenEntry: Math.min(record.count, entries.length) + 1,
      reason:
        record.count !== entries.length
          ? `the record says it holds ${record.count} entries but ${entries.length} are there: entries were removed at the end.`
          : 'the head hash is not the last entry’s: entries were removed at the end.',
    };
  }
  if (recordSeal(record) !== record.seal) {
    return {
      ok: false,
      brokenEntry: 0,
      reason: 'its header (the court, the case, the filing or the export time) was changed after it was exported.',
    };
  }
  return chain;
}

/** Reads a record file's text (bounded) and checks it; JSON that does not parse is not a filing record. */
export function verifyRecordText(text: string): RecordVerdict {
  if (text.length > maxRecordBytes) {
    return notARecord(`it is larger than ${maxRecordBytes / 1024 / 1024} MB`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return notARecord('it is not valid JSON');
  }
  return verifyRecord(json);
}
