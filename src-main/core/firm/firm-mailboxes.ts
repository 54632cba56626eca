import { stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { mailboxInput } from '../../shared/inbox';
import { FirmError } from './firm-error';
import { checkedName } from './firm-names';

/** A mailbox the server reads the court's notices from. Its password stays in a file: the database names the file. */
export interface FirmMailbox {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (993); false: plain, upgraded with STARTTLS where the server offers it (143). */
  readonly secure: boolean;
  readonly login: string;
  readonly folder: string;
  /** An absolute path to a file only its owner may read (the server's service account), holding the password. */
  readonly passwordFile: string;
}

/** The desktop's own rules for a mailbox's address and login (the same limits, the same messages). */
const mailboxAddress = mailboxInput.pick({ host: true, port: true, secure: true, user: true, folder: true });

/** The channel a new mailbox is announced on, so running servers start reading it at once. */
export const mailboxesChannel = 'ecf_desk_mailboxes';

/**
 * Records a mailbox after checking it (its password file must exist, for its owner only); its name as stored. Running
 * servers are told (at commit, on `ecf_desk_mailboxes`) and read it from then on.
 */
export async function addMailbox(pool: pg.Pool, mailbox: FirmMailbox): Promise<string> {
  const name = checkedName(mailbox.name, 'mailbox');
  const address = mailboxAddress.safeParse({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.secure,
    user: mailbox.login,
    folder: mailbox.folder,
  });
  if (!address.success) {
    const [issue] = address.error.issues;
    throw new FirmError(
      'mailbox.invalid',
      `The mailbox's ${String(issue?.path[0] ?? 'details')} is not valid: ${issue?.message ?? 'check it'}.`,
    );
  }
  await checkPasswordFile(mailbox.passwordFile);
  const { rowCount } = await pool.query(
    `WITH added AS (
       INSERT INTO mailboxes (name, host, port, secure, login, folder, password_file)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name) DO NOTHING RETURNING id)
     SELECT pg_notify('${mailboxesChannel}', id::text) FROM added`,
    [
      name,
      address.data.host,
      address.data.port,
      address.data.secure,
      address.data.user,
      address.data.folder,
      mailbox.passwordFile,
    ],
  );
  if (rowCount === 0) {
    throw new FirmError('mailbox.exists', `There is already a mailbox named ${name}. Choose another name.`);
  }
  return name;
}

/**
 * A password file is an absolute path to a regular, non-empty file that nobody but its owner may read or write: the
 * database, its replicas and its backups never hold the password (docs/firm-server.md#mailboxes-and-their-passwords).
 */
export async function checkPasswordFile(file: string): Promise<void> {
  const refuse = (why: string): FirmError =>
    new FirmError('mailbox.password-file', `The password file ${file} cannot be used: ${why}`);
  if (!path.isAbsolute(file)) {
    throw refuse('give its absolute path, as the server reads it from its own working folder.');
  }
  const facts = await stat(file).catch(() => null);
  if (facts === null || !facts.isFile()) {
    throw refuse('there is no such file. Write the password into it first (one line), readable by the server only.');
  }
  if (facts.size === 0) {
    throw refuse('it is empty. Write the password into it (one line).');
  }
  // Windows has no mode bits to check: there its access list decides
  // (docs/firm-server.md#mailboxes-and-their-passwords).
  if (process.platform !== 'win32' && (facts.mode & 0o077) !== 0) {
    throw refuse(
      `others than its owner may read or change it (mode ${(facts.mode & 0o777).toString(8)}). ` +
        'Make it readable by the server’s account only: chmod 600 on it.',
    );
  }
}

/** Every recorded mailbox, with its number in the database, oldest first. */
export async function listMailboxes(pool: pg.Pool): Promise<(FirmMailbox & { readonly id: number })[]> {
  const { rows } = await pool.query<{
    id: string;
    name: string;
    host: string;
    port: number;
    secure: boolean;
    login: string;
    folder: string;
    password_file: string;
  }>('SELECT id, name, host, port, secure, login, folder, password_file FROM mailboxes ORDER BY id');
  return rows.map(({ id, password_file: passwordFile, ...mailbox }) => ({ ...mailbox, id: Number(id), passwordFile }));
}
