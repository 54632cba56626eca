import { randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newActionSchema } from './new-action';
import type { TrainingCourtSeed } from './seed';

/** The training court's own SQLite file, inside its data folder. */
export const courtDatabaseFileName = 'training-court.sqlite';

const schema = `
CREATE TABLE accounts (
  login_id TEXT PRIMARY KEY,
  password_salt BLOB NOT NULL,
  password_hash BLOB NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('filer', 'confidential-filer', 'view-only')),
  mfa_secret TEXT,
  is_locked INTEGER NOT NULL,
  requires_client_code INTEGER NOT NULL,
  attorney_id TEXT
);
CREATE TABLE sessions (
  token TEXT PRIMARY KEY,
  login_id TEXT NOT NULL REFERENCES accounts(login_id),
  client_code TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  ended_at INTEGER
);
CREATE TABLE attorneys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  firm TEXT NOT NULL,
  email TEXT NOT NULL,
  secondary_emails TEXT NOT NULL,
  is_registered INTEGER NOT NULL,
  verifies_free_look INTEGER NOT NULL,
  address_lines TEXT NOT NULL
);
CREATE TABLE cases (
  case_id INTEGER PRIMARY KEY,
  case_number TEXT NOT NULL UNIQUE,
  judge_initials TEXT NOT NULL,
  caption TEXT NOT NULL,
  filed_on TEXT NOT NULL
);
CREATE TABLE parties (
  id TEXT PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(case_id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  attorney_ids TEXT NOT NULL,
  pro_se TEXT
);
CREATE TABLE docket_entries (
  case_id INTEGER NOT NULL REFERENCES cases(case_id),
  de_seq_num INTEGER NOT NULL,
  document_number INTEGER,
  event_id TEXT NOT NULL,
  short_description TEXT NOT NULL,
  docket_text TEXT NOT NULL,
  filer TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at INTEGER NOT NULL,
  is_restricted INTEGER NOT NULL,
  filing_id TEXT UNIQUE,
  PRIMARY KEY (case_id, de_seq_num)
);
CREATE TABLE documents (
  doc_id TEXT PRIMARY KEY,
  case_id INTEGER NOT NULL,
  de_seq_num INTEGER NOT NULL,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  original_filename TEXT NOT NULL,
  pages INTEGER NOT NULL,
  byte_length INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  stamp_id TEXT NOT NULL,
  file_number TEXT NOT NULL,
  stamp_digest TEXT NOT NULL
);
CREATE TABLE magic_links (
  magic_num TEXT PRIMARY KEY,
  case_id INTEGER NOT NULL,
  de_seq_num INTEGER NOT NULL,
  email TEXT NOT NULL,
  verifies_free_look INTEGER NOT NULL,
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE magic_uses (
  magic_num TEXT NOT NULL REFERENCES magic_links(magic_num),
  doc_id TEXT NOT NULL,
  used_at INTEGER NOT NULL,
  PRIMARY KEY (magic_num, doc_id)
);
CREATE TABLE fee_ledger (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  login_id TEXT NOT NULL,
  client_code TEXT,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('document', 'docket-report')),
  description TEXT NOT NULL,
  billable_pages INTEGER NOT NULL,
  cents INTEGER NOT NULL
);
CREATE TABLE filings (
  filing_id TEXT PRIMARY KEY,
  login_id TEXT NOT NULL,
  case_id INTEGER NOT NULL,
  event_id TEXT NOT NULL,
  party_ids TEXT NOT NULL,
  documents TEXT NOT NULL,
  related TEXT NOT NULL,
  docket_text TEXT,
  created_at INTEGER NOT NULL,
  submitted_de_seq_num INTEGER
);
CREATE TABLE mail_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  recipient TEXT NOT NULL,
  case_id INTEGER NOT NULL,
  de_seq_num INTEGER NOT NULL,
  message_id TEXT NOT NULL,
  is_regenerated INTEGER NOT NULL,
  channel TEXT NOT NULL,
  delivered_at INTEGER,
  error TEXT
);
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

/** Opens the court's database; a new or reset one is created and seeded. */
export function openCourtDatabase(
  dataFolder: string,
  seed: TrainingCourtSeed,
  options: { reset: boolean },
): Database.Database {
  mkdirSync(dataFolder, { recursive: true });
  const file = path.join(dataFolder, courtDatabaseFileName);
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // A filing the court answered as committed must be there after a crash, as a real docket's would.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const isSeeded = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'accounts'")
    .get() as { n: number };
  if (options.reset && isSeeded.n > 0) {
    dropEverything(db);
  }
  if (options.reset || isSeeded.n === 0) {
    db.transaction(() => createAndSeed(db, seed))();
  }
  db.exec(newActionSchema);
  return db;
}

function dropEverything(db: Database.Database): void {
  db.pragma('foreign_keys = OFF');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  db.transaction(() => {
    for (const { name } of tables) {
      db.exec(`DROP TABLE "${name}"`);
    }
  })();
  db.pragma('foreign_keys = ON');
}

/** scrypt, as a real service would store a password; the training court never keeps one in the clear. */
export function hashPassword(password: string, salt: Buffer): Buffer {
  return scryptSync(password, salt, 32);
}

function createAndSeed(db: Database.Database, seed: TrainingCourtSeed): void {
  db.exec(schema);
  const insertAccount = db.prepare('INSERT INTO accounts VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const account of seed.accounts) {
    const salt = randomBytes(16);
    insertAccount.run(
      account.loginId,
      salt,
      hashPassword(account.password, salt),
      account.kind,
      account.mfaSecret,
      Number(account.isLocked),
      Number(account.requiresClientCode),
      account.attorneyId,
    );
  }
  const insertAttorney = db.prepare('INSERT INTO attorneys VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const attorney of seed.attorneys) {
    insertAttorney.run(
      attorney.id,
      attorney.name,
      attorney.firm,
      attorney.email,
      JSON.stringify(attorney.secondaryEmails),
      Number(attorney.isRegisteredForEService),
      Number(attorney.verifiesFreeLook),
      JSON.stringify(attorney.addressLines),
    );
  }
  const insertCase = db.prepare('INSERT INTO cases VALUES (?, ?, ?, ?, ?)');
  const insertParty = db.prepare('INSERT INTO parties VALUES (?, ?, ?, ?, ?, ?)');
  const insertEntry = db.prepare(
    "INSERT INTO docket_entries VALUES (?, 1, NULL, 'order-of-assignment', 'Order of assignment', ?, '', 'Clerk', ?, 0, NULL)",
  );
  for (const courtCase of seed.cases) {
    insertCase.run(
      courtCase.caseId,
      courtCase.caseNumber,
      JSON.stringify(courtCase.judgeInitials),
      courtCase.caption,
      courtCase.filedOn,
    );
    for (const party of courtCase.parties) {
      insertParty.run(
        party.id,
        courtCase.caseId,
        party.name,
        party.role,
        JSON.stringify(party.attorneyIds),
        party.proSe === null ? null : JSON.stringify(party.proSe),
      );
    }
    // The clerk's own text-only entry opens each docket, so de_seq_num and document numbers differ as on a real docket.
    const assigned =
      courtCase.judgeInitials.length > 1
        ? `a three-judge panel (${courtCase.judgeInitials.join(', ')})`
        : `Judge ${courtCase.judgeInitials.join('')}`;
    insertEntry.run(
      courtCase.caseId,
      `Order of assignment. Case assigned to ${assigned}. (Clerk)`,
      Date.parse(`${courtCase.filedOn}T14:00:00Z`),
    );
  }
  // CIT doc ids carry the court's prefix 014 and are 10 digits (docs/court-rules.md#document-ids).
  db.prepare(
    "INSERT INTO counters VALUES ('doc_id', 141000000), ('stamp_id', 1010000000), ('file_number', 20000000)",
  ).run();
}

/** The next value of a named counter (inside the caller's transaction). */
export function nextCounter(db: Database.Database, name: string): number {
  const row = db.prepare('UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value').get(name) as
    { value: number } | undefined;
  if (row === undefined) {
    throw new Error(`No counter named ${name}`);
  }
  return row.value;
}
