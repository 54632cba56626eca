import type pg from 'pg';
import { caseNumberKey } from '../inbox/store/entry-key';
import { FirmError } from './firm-error';
import { checkedUserName, noSuchUser, type FirmRole, type FirmUser } from './firm-users';

/** A member of a case's team. */
export interface CaseTeamMember {
  readonly name: string;
  readonly role: FirmRole;
}

/** A case number as the court writes it (`1:26-cv-00123`, `26-00123`): letters, digits, colons and dashes. */
const caseNumberPattern = /^[0-9A-Za-z][0-9A-Za-z:-]{0,39}$/;

/** The case number as stored, or a refusal that says what one looks like. */
export function checkedCaseNumber(caseNumber: string): string {
  const trimmed = caseNumber.trim();
  if (!caseNumberPattern.test(trimmed)) {
    throw new FirmError(
      'case.invalid',
      `"${caseNumber.slice(0, 80)}" is not a case number: write it as the court does, such as 1:26-cv-00123 or 26-00123.`,
    );
  }
  return trimmed;
}

/**
 * Whether the user is on the case's team, the judge initials aside (`1:26-cv-00123` is `1:26-cv-00123-MMB`).
 */
export function isOnCaseTeam(user: Pick<FirmUser, 'cases'>, caseNumber: string): boolean {
  const key = caseNumberKey(caseNumber);
  return user.cases.some((each) => caseNumberKey(each) === key);
}

/** Whether the user may see the case: docketing staff see every case, the others their teams' cases. */
export function canSeeCase(user: Pick<FirmUser, 'cases' | 'seesEveryCase'>, caseNumber: string): boolean {
  return user.seesEveryCase || isOnCaseTeam(user, caseNumber);
}

/** Puts the user on the case's team; true when they were not on it before. */
export function addToCaseTeam(pool: pg.Pool, caseNumber: string, userName: string): Promise<boolean> {
  return changeCaseTeam(
    pool,
    `INSERT INTO case_team_members (case_number, user_id) SELECT $1, id FROM member ON CONFLICT DO NOTHING RETURNING 1`,
    caseNumber,
    userName,
  );
}

/** Takes the user off the case's team; true when they were on it. */
export function removeFromCaseTeam(pool: pg.Pool, caseNumber: string, userName: string): Promise<boolean> {
  return changeCaseTeam(
    pool,
    'DELETE FROM case_team_members WHERE case_number = $1 AND user_id = (SELECT id FROM member) RETURNING 1',
    caseNumber,
    userName,
  );
}

/**
 * Runs one change to a case's team (`change` sees the user as `member`, the case number as $1) in one statement, so a
 * user removed meanwhile is reported as missing rather than changed; true when a row changed.
 */
async function changeCaseTeam(pool: pg.Pool, change: string, caseNumber: string, userName: string): Promise<boolean> {
  const number = checkedCaseNumber(caseNumber);
  const name = checkedUserName(userName);
  const { rows } = await pool.query<{ changed: boolean }>(
    `WITH member AS (SELECT id FROM users WHERE name = $2), changed AS (${change})
     SELECT EXISTS (SELECT 1 FROM changed) AS changed FROM member`,
    [number, name],
  );
  const row = rows[0];
  if (!row) {
    throw noSuchUser(name);
  }
  return row.changed;
}

/** The case's team, by name. */
export async function listCaseTeam(pool: pg.Pool, caseNumber: string): Promise<CaseTeamMember[]> {
  const { rows } = await pool.query<CaseTeamMember>(
    `SELECT users.name, users.role FROM case_team_members AS members JOIN users ON users.id = members.user_id
      WHERE members.case_number = $1 ORDER BY users.name`,
    [checkedCaseNumber(caseNumber)],
  );
  return rows;
}
