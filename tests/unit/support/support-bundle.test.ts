import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { dataFileNames } from '../../../src-main/core/storage/app-data-folder';
import { openDatabase } from '../../../src-main/core/storage/database';
import { redactForSupport } from '../../../src-main/core/support/redact';
import {
  supportLogLines,
  writeSupportBundle,
  type SupportBundle,
  type SupportBundleInput,
} from '../../../src-main/core/support/support-bundle';
import type { RuntimeFacts } from '../../../src-main/core/support/runtime-facts';
import type { CourtStatus, ManagedSetting, Settings } from '../../../src-main/shared/domain';

const homeFolder = '/home/jmorgan';

const runtime: RuntimeFacts = {
  platform: 'win32',
  release: '10.0.22631',
  arch: 'x64',
  homeFolder,
  versions: { node: '22.20.0', electron: '40.8.5', chrome: '144.0.0.0' },
};

const settings: Settings = {
  documentsSort: 'name',
  courtProfile: 'cit',
  allowCredentialStorage: false,
  mailboxes: [
    {
      id: 'mailbox-1',
      host: 'mail.morganreyes.example',
      port: 993,
      secure: true,
      user: 'docketing@morganreyes.example',
      auth: 'oauth2',
      folder: 'Acme Steel NEFs',
      marksRead: false,
    },
  ],
};

const managed: ManagedSetting[] = [
  { key: 'allowCredentialStorage', value: false, source: 'HKLM\\SOFTWARE\\Policies\\ECF Desk' },
];

const courtStatus: CourtStatus = {
  profileId: 'cit-training',
  name: 'CIT — training (local)',
  kind: 'training',
  isExperimental: false,
  state: 'ready',
  ecfUrl: 'http://127.0.0.1:53211/cgi-bin/login.pl?session=abc',
  loginServiceUrl: 'http://127.0.0.1:53211/services/cso-auth',
  message: null,
};

/** What a document's bytes say: if this appears in a bundle, a document went into it. */
const documentMarker = 'CONFIDENTIAL-BRIEF-CONTENT-7f3a';
/** A document's name as the database keeps it: if this appears, a row went into the bundle. */
const documentRowName = 'Acme Steel sealed exhibit.pdf';
const token = 'ab'.repeat(64);

const caseLines = [
  'Inbox: an email from jmorgan@morganreyes.example could not be read: no NEF for 1:26-cv-00123-MMB',
  `Inbox: saved https://ecf.cit.uscourts.gov/doc1/12312345678?caseid=1017&de_seq_num=12&magic_num=87654321 with session ${token}`,
  'Outbox: a pass stopped: password=Hunter2-Planted',
];

let dataFolder: string;
let database: Database.Database;

function input(overrides: Partial<SupportBundleInput> = {}): SupportBundleInput {
  return {
    dataFolder,
    version: '0.9.0',
    host: 'electron',
    platform: runtime,
    settings,
    managed,
    courtStatus,
    now: new Date('2026-11-30T15:00:00Z'),
    ...overrides,
  };
}

function writeLog(lines: readonly string[]): void {
  mkdirSync(path.join(dataFolder, dataFileNames.logs), { recursive: true });
  writeFileSync(
    path.join(dataFolder, dataFileNames.logs, 'ecf-desk.log'),
    lines.map((line, index) => `2026-11-30T14:${String(index % 60).padStart(2, '0')}:00.000Z ${line}\n`).join(''),
  );
}

function openBundle(bytes: Uint8Array): { text: string; bundle: SupportBundle } {
  const text = gunzipSync(bytes).toString('utf8');
  return { text, bundle: JSON.parse(text) as SupportBundle };
}

beforeEach(() => {
  dataFolder = mkdtempSync(path.join(tmpdir(), 'support-bundle-'));
  // The app keeps its database open while the bundle is made: the bundle reads it alongside.
  database = openDatabase(path.join(dataFolder, dataFileNames.database));
  database
    .prepare(
      "INSERT INTO documents (id, name, bytes, sha256, pages, added_at) VALUES ('d1', ?, 10, ?, 1, '2026-11-30T00:00:00Z')",
    )
    .run(documentRowName, 'c'.repeat(64));
  const documents = path.join(dataFolder, dataFileNames.documents);
  mkdirSync(documents, { recursive: true });
  writeFileSync(path.join(documents, `${'c'.repeat(64)}.pdf`), `%PDF-1.7 ${documentMarker}`);
  writeFileSync(path.join(documents, `${'d'.repeat(64)}.pdf`), `%PDF-1.7 ${documentMarker} second`);
  writeFileSync(path.join(dataFolder, dataFileNames.settings), JSON.stringify(settings));
});

afterEach(() => {
  database.close();
  rmSync(dataFolder, { recursive: true, force: true });
});

describe('writeSupportBundle', () => {
  it('is a gzip’d JSON with the format, versions, system and the time it was made', () => {
    writeLog(['App started']);
    const { bundle } = openBundle(writeSupportBundle(input()));
    expect(bundle.format).toBe('ecf-desk-support-bundle');
    expect(bundle.formatVersion).toBe(1);
    expect(bundle.createdAt).toBe('2026-11-30T15:00:00.000Z');
    expect(bundle.app).toEqual({
      name: 'ECF Desk',
      version: '0.9.0',
      host: 'electron',
      dataFolder: expect.any(String),
    });
    expect(bundle.system).toEqual({
      platform: 'win32',
      release: '10.0.22631',
      arch: 'x64',
      versions: { node: '22.20.0', electron: '40.8.5', chrome: '144.0.0.0' },
    });
  });

  it('writes the data folder under the home folder as ~, so the account name stays out', () => {
    const { bundle, text } = openBundle(
      writeSupportBundle(input({ platform: { ...runtime, homeFolder: path.dirname(dataFolder) } })),
    );
    expect(bundle.app.dataFolder).toBe(`~${path.sep}${path.basename(dataFolder)}`);
    expect(text).not.toContain(path.dirname(dataFolder) + path.sep);
  });

  it('keeps the settings’ choices and reduces each mailbox to how it connects', () => {
    const { bundle, text } = openBundle(writeSupportBundle(input()));
    expect(bundle.settings).toEqual({
      documentsSort: 'name',
      courtProfile: 'cit',
      allowCredentialStorage: false,
      trainingIntroDismissed: false,
      pageMap: null,
      firmServerUrl: null,
      mailboxes: [
        { host: '<set>', port: 993, secure: true, user: '<set>', auth: 'oauth2', folder: '<set>', marksRead: false },
      ],
    });
    expect(text).not.toContain('morganreyes');
    expect(text).not.toContain('Acme Steel NEFs');
  });

  it('shows what policy manages, with its values and sources (they are the firm’s own)', () => {
    const { bundle } = openBundle(writeSupportBundle(input()));
    expect(bundle.policy.managed).toEqual(managed);
  });

  it('shows the court’s profile, kind and state, with its addresses reduced to the host', () => {
    const { bundle, text } = openBundle(
      writeSupportBundle(
        input({
          courtStatus: {
            ...courtStatus,
            state: 'failed',
            message: 'No answer from https://ecf.cit.uscourts.gov/cgi-bin/login.pl?x=1',
          },
        }),
      ),
    );
    expect(bundle.court).toEqual({
      profileId: 'cit-training',
      name: 'CIT — training (local)',
      kind: 'training',
      isExperimental: false,
      state: 'failed',
      ecfHost: '127.0.0.1:53211',
      loginServiceHost: '127.0.0.1:53211',
      message: 'No answer from https://ecf.cit.uscourts.gov/<link>',
    });
    expect(text).not.toContain('session=abc');
  });

  it('carries the last 2,000 lines of the log, redacted', () => {
    writeLog([...Array.from({ length: supportLogLines + 500 }, (_, index) => `line ${index}`), ...caseLines]);
    const { bundle } = openBundle(writeSupportBundle(input()));
    expect(bundle.log.exists).toBe(true);
    expect(bundle.log.isShortened).toBe(true);
    expect(bundle.log.lines).toHaveLength(supportLogLines);
    expect(bundle.log.lines[0]).toContain(`line ${500 + caseLines.length}`);
    expect(bundle.log.lines.slice(-3)).toEqual([
      expect.stringMatching(/Inbox: an email from <email> could not be read: no NEF for <case>$/),
      expect.stringMatching(/Inbox: saved https:\/\/ecf\.cit\.uscourts\.gov\/<link> with session <hex>$/),
      expect.stringMatching(/Outbox: a pass stopped: password=<secret>$/),
    ]);
  });

  it('lets no email, case number, doc1 link, magic number, token or planted password through', () => {
    writeLog(caseLines);
    const { text } = openBundle(writeSupportBundle(input()));
    for (const leak of [
      'jmorgan@',
      '26-cv-00123',
      '/doc1/',
      '12312345678',
      '87654321',
      'caseid=1017',
      token,
      'Hunter2-Planted',
    ]) {
      expect(text).not.toContain(leak);
    }
  });

  it('does not count on the password= rule: a bare secret has no shape, which is why secrets never reach the log', () => {
    // The accounts and inbox services keep passwords, TOTP secrets and tokens in the keychain and never log them;
    // the key=value rule only catches a line that breaks that rule by naming what it leaks.
    expect(redactForSupport('Outbox: a pass stopped: Hunter2-Planted')).toContain('Hunter2-Planted');
    expect(redactForSupport('Outbox: a pass stopped: password=Hunter2-Planted')).not.toContain('Hunter2-Planted');
  });

  it('says how large the database is and how many rows each table has, never a row', () => {
    const { bundle, text } = openBundle(writeSupportBundle(input()));
    if (bundle.database.state !== 'read') {
      throw new Error(`database not read: ${JSON.stringify(bundle.database)}`);
    }
    expect(bundle.database.bytes).toBeGreaterThan(0);
    expect(bundle.database.tables).toContainEqual({ name: 'documents', rows: 1 });
    expect(bundle.database.tables).toContainEqual({ name: 'drafts', rows: 0 });
    expect(text).not.toContain(documentRowName);
  });

  it('says how many documents are stored and their total size, never their content', () => {
    const { bundle, text } = openBundle(writeSupportBundle(input()));
    expect(bundle.documents).toEqual({
      exists: true,
      files: 2,
      bytes: 2 * `%PDF-1.7 ${documentMarker}`.length + ' second'.length,
    });
    expect(text).not.toContain(documentMarker);
    expect(text).not.toContain('%PDF');
  });

  it('never includes settings.json as saved, and says what it leaves out', () => {
    const { bundle, text } = openBundle(writeSupportBundle(input()));
    expect(text).not.toContain('mailbox-1');
    expect(bundle.neverIncluded.join(' ')).toMatch(/database file.*documents.*settings\.json.*keychain/s);
  });

  it('still answers for a new data folder with no log, database or documents yet', () => {
    database.close();
    rmSync(dataFolder, { recursive: true, force: true });
    mkdirSync(dataFolder);
    const { bundle } = openBundle(writeSupportBundle(input()));
    expect(bundle.log).toEqual({
      file: 'logs/ecf-desk.log',
      exists: false,
      totalBytes: 0,
      isShortened: false,
      lines: [],
    });
    expect(bundle.database).toEqual({ state: 'missing' });
    expect(bundle.documents).toEqual({ exists: false, files: 0, bytes: 0 });
    database = openDatabase(path.join(dataFolder, dataFileNames.database));
  });
});
