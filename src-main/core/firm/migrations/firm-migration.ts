/**
 * One step in the firm database's history: SQL run in one transaction with the row that records it in
 * `schema_migrations`. Versions count up from 1 with no gaps; a released migration is never edited (its name is
 * checked at every start), a change to the schema is a new one.
 */
export interface FirmMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
