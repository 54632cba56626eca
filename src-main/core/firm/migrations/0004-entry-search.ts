import type { FirmMigration } from './firm-migration';

/**
 * Search on the firm server (docs/firm-server.md#search): each docket entry's words, as `to_tsvector('english', …)` of
 * the same fields the desktop's inbox search covers (case number, case name, docket text, short description, the filer
 * and the notice's recipients), under a GIN index. `storeNotice` fills it for new entries; entries already stored are
 * filled here from their first notice's docket.
 *
 * It also indexes each entry's free looks by entry, and keeps an entry stored in a transaction from being written twice
 * by it (docs/firm-server.md#sizing).
 *
 * The backfill does not announce the entries it fills (the trigger of migration 0003 is off while it runs): nothing a
 * desktop shows changed, and announcing every entry at once would send every desktop to read its whole list again.
 */
export const firmMigration0004: FirmMigration = {
  version: 4,
  name: 'entry-search',
  sql: `
ALTER TABLE docket_entries ADD COLUMN search tsvector;

ALTER TABLE docket_entries DISABLE TRIGGER docket_entries_changed;
UPDATE docket_entries AS entry SET search = (
  SELECT to_tsvector('english', left(concat_ws(E'\\n',
           concat_ws(' ', docket->>'caseNumber',
             regexp_replace(substring(docket->>'caseNumber' from '(?i)^[0-9]{1,2}:[0-9]{2}-[a-z]{1,4}-[0-9]{3,6}'),
               '^[0-9]{1,2}:([0-9]{2})-[a-zA-Z]{1,4}-', '\\1-'),
             regexp_replace(docket->>'caseNumber', '[^[:alnum:]]+', ' ', 'g')),
           docket->>'caseName',
           docket->>'docketText', docket->>'shortDescription', docket->>'filer',
           (SELECT string_agg(recipient->>'name', E'\\n')
              FROM jsonb_array_elements(coalesce(notice.parsed->'recipients', '[]')) AS recipient)), 20000))
    FROM notices AS notice, jsonb_array_elements(coalesce(notice.parsed->'dockets', '[]')) AS docket
   WHERE notice.id = entry.first_notice_id AND docket->>'caseNumber' = entry.case_number
     AND (docket->>'deSeqNum') IS NOT DISTINCT FROM entry.de_seq_num
   LIMIT 1);
ALTER TABLE docket_entries ENABLE TRIGGER docket_entries_changed;

CREATE INDEX docket_entries_search ON docket_entries USING gin (search);

-- An entry's free looks, as the list of changes and search read them for each entry they answer: the unique index of
-- migration 2 leaves refused links out, so it cannot serve that.
CREATE INDEX free_looks_by_entry ON free_looks (entry_id);

-- An entry already changed by this transaction (stored by it, say) is not touched again: the same transaction, one
-- row version fewer, and its indexes (the words' among them) written once.
CREATE OR REPLACE FUNCTION ecf_desk_touch_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE docket_entries SET changed_xid = pg_current_xact_id()
   WHERE id = NEW.entry_id AND changed_xid <> pg_current_xact_id();
  RETURN NULL;
END $$;
`,
};
