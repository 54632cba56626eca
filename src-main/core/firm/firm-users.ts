import { createHmac } from 'node:crypto';
import type pg from 'pg';
import { firmRoles } from '../../shared/firm-server';
import { FirmError } from './firm-error';
import { checkedName } from './firm-names';
import { isSameDigest, isTokenShaped, newUserToken, tokenDigest } from './user-tokens';

/** A user's role. */
export type FirmRole = (typeof firmRoles)[number];

/** A user as the server knows them; `/api/me` answers it to the desktop, which reads it as `firmServerUser` (shared/firm-server.ts). */
export interface FirmUser {
  readonly name: string;
  readonly role: FirmRole;
  /** The cases whose teams they are on, sorted. */
  readonly cases: readonly string[];
  /** Whether they see every case, whatever their teams (docketing staff). */
  readonly seesEveryCase: boolean;
  readonly createdAt: string;
}

/** The user's name as stored, or a refusal that says what a name may be. */
export function checkedUserName(name: string): string {
  return checkedName(name, 'user');
}

function checkedRole(role: string): FirmRole {
  const found = firmRoles.find((candidate) => candidate === role);
  if (!found) {
    throw new FirmError('user.invalid', `"${role.slice(0, 40)}" is not a role: use ${firmRoles.join(', ')}.`);
  }
  return found;
}

/** Whether users in the role see every case. */
export function seesEveryCase(role: FirmRole): boolean {
  return role === 'docketing';
}

/** Adds a user and returns their token, which exists nowhere else once shown: the database keeps its SHA-256 only. */
export async function addUser(pool: pg.Pool, name: string, role: string): Promise<{ user: FirmUser; token: string }> {
  const userName = checkedUserName(name);
  const userRole = checkedRole(role);
  const token = newUserToken();
  const { rows } = await pool.query<{ created_at: Date }>(
    'INSERT INTO users (name, role, token_sha256) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING created_at',
    [userName, userRole, tokenDigest(token)],
  );
  const added = rows[0];
  if (!added) {
    throw new FirmError(
      'user.exists',
      `There is already a user named ${userName}. Choose another name, or remove theirs first (ecf-desk server remove-user ${userName}).`,
    );
  }
  return { user: toUser({ name: userName, role: userRole, cases: [], created_at: added.created_at }), token };
}

/** A user's row, with their cases gathered from the case teams. */
interface UserRow {
  readonly name: string;
  readonly role: FirmRole;
  readonly token_sha256: Buffer;
  readonly created_at: Date;
  readonly cases: string[];
}

/** The users the condition selects, each with their cases, by name. */
function selectUsers(condition: string): string {
  return `
    SELECT users.name, users.role, users.token_sha256, users.created_at,
           coalesce(array_agg(members.case_number ORDER BY members.case_number)
                    FILTER (WHERE members.case_number IS NOT NULL), '{}') AS cases
      FROM users LEFT JOIN case_team_members AS members ON members.user_id = users.id
     WHERE ${condition}
     GROUP BY users.id ORDER BY users.name`;
}

/** Every user, by name, with their cases. */
export async function listUsers(pool: pg.Pool): Promise<FirmUser[]> {
  const { rows } = await pool.query<UserRow>(selectUsers('true'));
  return rows.map(toUser);
}

/** Removes a user (their token stops working at once, and they leave every case team); their name as stored. */
export async function removeUser(pool: pg.Pool, name: string): Promise<string> {
  const userName = checkedUserName(name);
  const { rowCount } = await pool.query('DELETE FROM users WHERE name = $1', [userName]);
  if (rowCount === 0) {
    throw noSuchUser(userName);
  }
  return userName;
}

/** The user a token belongs to, or null: the token's shape is checked first, its digest compared in constant time. */
export async function findUserByToken(pool: pg.Pool, token: string): Promise<FirmUser | null> {
  if (!isTokenShaped(token)) {
    return null;
  }
  const digest = tokenDigest(token);
  // Looked up by its digest, which is safe to look up by: a digest of 256 random bits tells a timing attack nothing.
  const { rows } = await pool.query<UserRow>(selectUsers('users.token_sha256 = $1'), [digest]);
  const row = rows[0];
  return row && isSameDigest(row.token_sha256, digest) ? toUser(row) : null;
}

/**
 * What a calendar link's secret is keyed with (docs/firm-server.md#the-firms-calendar): the link is made from the
 * user's token digest, so it is no token (it opens the calendar and nothing else), it needs no table of its own, and a
 * new token for the user (remove-user, add-user) makes a new link and ends the old.
 */
const calendarLinkPurpose = 'ecf-desk calendar link 1';
const calendarSecretPattern = /^[A-Za-z0-9_-]{43}$/;

function calendarSecretOf(tokenSha256: Uint8Array): string {
  return createHmac('sha256', tokenSha256).update(calendarLinkPurpose).digest('base64url');
}

/** The path of the calendar link of the user whose token this is: `/calendar/<name>/<secret>.ics`. */
export function calendarLinkPath(user: Pick<FirmUser, 'name'>, token: string): string {
  return `/calendar/${encodeURIComponent(user.name)}/${calendarSecretOf(tokenDigest(token))}.ics`;
}

/** The user a calendar link stands for, or null: the secret is compared in constant time. */
export async function findUserByCalendarLink(pool: pg.Pool, name: string, secret: string): Promise<FirmUser | null> {
  let userName: string;
  try {
    userName = checkedUserName(name);
  } catch {
    return null;
  }
  if (!calendarSecretPattern.test(secret)) {
    return null;
  }
  const { rows } = await pool.query<UserRow>(selectUsers('users.name = $1'), [userName]);
  const row = rows[0];
  if (!row) {
    return null;
  }
  // Compared as text: decoding first would take several spellings of the last character for the same secret.
  const expected = Buffer.from(calendarSecretOf(row.token_sha256), 'ascii');
  return isSameDigest(expected, Buffer.from(secret, 'ascii')) ? toUser(row) : null;
}

/** The refusal for a name nobody has. */
export function noSuchUser(name: string): FirmError {
  return new FirmError(
    'user.not-found',
    `There is no user named ${name}. ecf-desk server list-users lists the users there are.`,
  );
}

function toUser(row: Omit<UserRow, 'token_sha256'>): FirmUser {
  return {
    name: row.name,
    role: row.role,
    cases: row.cases,
    seesEveryCase: seesEveryCase(row.role),
    createdAt: row.created_at.toISOString(),
  };
}
