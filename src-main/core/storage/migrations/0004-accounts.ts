import type { Migration } from './migration';

/**
 * PACER accounts: who logs in to which court, as what kind of filer, with which MFA mode and default client code.
 * No secret has a column here: passwords and TOTP secrets live in the OS keychain only.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        court_profile TEXT NOT NULL CHECK (length(court_profile) > 0),
        login_id TEXT NOT NULL CHECK (length(login_id) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('filer', 'confidential-filer', 'view-only')),
        default_client_code TEXT CHECK (default_client_code IS NULL OR length(default_client_code) <= 32),
        mfa_mode TEXT NOT NULL CHECK (mfa_mode IN ('none', 'prompt', 'stored-secret')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (court_profile, login_id)
      );
    `);
  },
};
