import type Database from 'better-sqlite3';
import type { AccountKind, MfaMode } from '../../shared/accounts';
import type { CourtProfileId } from '../../shared/domain';

/** An account row: everything about a PACER login except its secrets. */
export interface AccountRow {
  readonly id: string;
  readonly courtProfile: CourtProfileId;
  readonly loginId: string;
  /** The attorney's name for the `/s/` signature; empty until given (migration 0008). */
  readonly name: string;
  /** Bar admission or the party represented; empty until given. */
  readonly role: string;
  readonly kind: AccountKind;
  readonly defaultClientCode: string | null;
  readonly mfaMode: MfaMode;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface StoredRow {
  id: string;
  court_profile: CourtProfileId;
  login_id: string;
  name: string;
  role: string;
  kind: AccountKind;
  default_client_code: string | null;
  mfa_mode: MfaMode;
  created_at: string;
  updated_at: string;
}

function toRow(row: StoredRow): AccountRow {
  return {
    id: row.id,
    courtProfile: row.court_profile,
    loginId: row.login_id,
    name: row.name,
    role: row.role,
    kind: row.kind,
    defaultClientCode: row.default_client_code,
    mfaMode: row.mfa_mode,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The `accounts` table (migration 0004). */
export function createAccountsTable(db: Database.Database) {
  return {
    list(): AccountRow[] {
      return (db.prepare('SELECT * FROM accounts ORDER BY court_profile, login_id').all() as StoredRow[]).map(toRow);
    },
    find(id: string): AccountRow | null {
      const row = db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as StoredRow | undefined;
      return row ? toRow(row) : null;
    },
    findByLogin(courtProfile: CourtProfileId, loginId: string): AccountRow | null {
      const row = db
        .prepare('SELECT * FROM accounts WHERE court_profile = ? AND login_id = ?')
        .get(courtProfile, loginId) as StoredRow | undefined;
      return row ? toRow(row) : null;
    },
    /** Inserts or replaces the row with this id. */
    put(row: AccountRow): void {
      db.prepare(
        `INSERT INTO accounts (id, court_profile, login_id, name, role, kind, default_client_code, mfa_mode, created_at, updated_at)
         VALUES (@id, @courtProfile, @loginId, @name, @role, @kind, @defaultClientCode, @mfaMode, @createdAt, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET court_profile = excluded.court_profile, login_id = excluded.login_id, name = excluded.name, role = excluded.role, kind = excluded.kind,
           default_client_code = excluded.default_client_code, mfa_mode = excluded.mfa_mode, updated_at = excluded.updated_at`,
      ).run(row);
    },
    remove(id: string): void {
      db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
    },
  };
}

/** The accounts table. */
export type AccountsTable = ReturnType<typeof createAccountsTable>;
