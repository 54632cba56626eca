import type Database from 'better-sqlite3';

/**
 * Opening a new action (USCIT Rule 3(a)): a summons filed without a case makes the court open one, numbered in the
 * CIT's form (`1:26-cv-00124`, court no. `26-00124`; docs/court-rules.md#new-actions), with the filer as counsel of
 * the parties it files for. The judge is assigned later by the court's own order, so a new case carries no initials.
 */

/** A party named on a new action's summons, with the id the filer's client gave it. */
export interface NewActionParty {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/** What a new action's first step carries besides the event. */
export interface NewActionForm {
  readonly caption: string;
  readonly parties: readonly NewActionParty[];
}

/** Kept apart from the first schema, so a court data folder made before new actions still opens. */
export const newActionSchema = `
CREATE TABLE IF NOT EXISTS new_actions (
  filing_id TEXT PRIMARY KEY,
  caption TEXT NOT NULL,
  parties TEXT NOT NULL
);`;

/** Bounds on what a new action's form may carry: the court reads hostile input. */
const maxParties = 50;
const maxCaption = 300;
const maxName = 200;
const maxRole = 60;
const partyIdPattern = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * Reads the new action's caption and parties from the form (`caption`, then `party_id`, `party_name` and `party_role`
 * in step), or says in the court's words what is missing.
 */
export function readNewActionForm(form: URLSearchParams): NewActionForm | { readonly message: string } {
  const caption = (form.get('caption') ?? '').trim();
  if (caption === '' || caption.length > maxCaption) {
    return { message: `Enter the case caption (plaintiff v. defendant), up to ${maxCaption} characters.` };
  }
  const ids = form.getAll('party_id');
  const names = form.getAll('party_name');
  const roles = form.getAll('party_role');
  if (ids.length === 0 || ids.length > maxParties || names.length !== ids.length || roles.length !== ids.length) {
    return { message: `Enter each party of the new action with its name and role (1 to ${maxParties} parties).` };
  }
  const parties = ids.map((id, index) => ({
    id,
    name: (names[index] ?? '').trim(),
    role: (roles[index] ?? '').trim(),
  }));
  const isBad = (party: NewActionParty): boolean =>
    !partyIdPattern.test(party.id) ||
    party.name === '' ||
    party.name.length > maxName ||
    party.role === '' ||
    party.role.length > maxRole;
  if (parties.some(isBad) || new Set(ids).size !== ids.length) {
    return { message: 'Each party of the new action needs a name and a role.' };
  }
  return { caption, parties };
}

/** The new action's caption and parties recorded at the first step, or null when the filing is in an existing case. */
export function newActionOf(db: Database.Database, filingId: string): NewActionForm | null {
  const row = db.prepare('SELECT caption, parties FROM new_actions WHERE filing_id = ?').get(filingId) as
    { caption: string; parties: string } | undefined;
  return row ? { caption: row.caption, parties: JSON.parse(row.parties) as NewActionParty[] } : null;
}

/** The next case of the year: the highest number of that year's cases plus one, five digits ("1:26-cv-00124"). */
export function nextCaseNumber(db: Database.Database, at: number): { caseId: number; caseNumber: string } {
  const year = String(new Date(at).getUTCFullYear() % 100).padStart(2, '0');
  const numbers = (
    db.prepare('SELECT case_number FROM cases WHERE case_number LIKE ?').all(`1:${year}-cv-%`) as {
      case_number: string;
    }[]
  ).map((row) => Number(/-(\d{1,5})$/.exec(row.case_number)?.[1] ?? 0));
  const highestId = (db.prepare('SELECT max(case_id) AS id FROM cases').get() as { id: number | null }).id ?? 1000;
  const next = Math.max(0, ...numbers) + 1;
  return { caseId: highestId + 1, caseNumber: `1:${year}-cv-${String(next).padStart(5, '0')}` };
}

/** The id a new action's party has in the court's records: the client's id, made unique by the case. */
export function recordedPartyId(caseId: number, partyId: string): string {
  return `${caseId}-${partyId}`;
}

/**
 * Opens the case inside the caller's transaction: the case, its parties (the filer is counsel of the parties it files
 * for) and nothing on the docket yet: the summons becomes entry 1.
 */
export function openCase(
  db: Database.Database,
  action: NewActionForm,
  filer: { readonly attorneyId: string; readonly partyIds: readonly string[] },
  at: number,
): { caseId: number; caseNumber: string } {
  const opened = nextCaseNumber(db, at);
  db.prepare('INSERT INTO cases VALUES (?, ?, ?, ?, ?)').run(
    opened.caseId,
    opened.caseNumber,
    '[]',
    action.caption,
    new Date(at).toISOString().slice(0, 10),
  );
  const insertParty = db.prepare('INSERT INTO parties VALUES (?, ?, ?, ?, ?, NULL)');
  for (const party of action.parties) {
    insertParty.run(
      recordedPartyId(opened.caseId, party.id),
      opened.caseId,
      party.name,
      party.role,
      JSON.stringify(filer.partyIds.includes(party.id) ? [filer.attorneyId] : []),
    );
  }
  return opened;
}
