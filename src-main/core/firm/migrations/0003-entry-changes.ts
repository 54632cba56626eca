import type { FirmMigration } from './firm-migration';

/**
 * What desktops follow (docs/firm-server.md#notices-on-desktops): each docket entry carries the transaction that last
 * changed it (`changed_xid`), and a change is announced on `ecf_desk_entries` with its case (as printed, and its key without judge
 * initials, which case teams are matched on) and whether the entry is restricted. Desktops read changes in transaction order, and only those of transactions older than every one still
 * running, so a change committed late is never behind a desktop's place in the list.
 *
 * An entry is restricted (shown only to its case team, not to docketing staff who see every case) when its docket text
 * says it is sealed, under seal or restricted, or when the court asked for a login on its fresh free-look link.
 */
export const firmMigration0003: FirmMigration = {
  version: 3,
  name: 'entry-changes',
  sql: `
ALTER TABLE docket_entries
  ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  ADD COLUMN is_restricted boolean NOT NULL DEFAULT false,
  ADD COLUMN case_key text CHECK (length(case_key) <= 200);
-- The case without judge initials, lower case, as caseNumberKey (src-main/core/inbox/store/entry-key.ts) makes it.
UPDATE docket_entries SET case_key = coalesce(
  substring(lower(trim(case_number)) from '^[0-9]{1,2}:[0-9]{2}-[a-z]{1,4}-[0-9]{3,6}'),
  substring(lower(trim(case_number)) from '^[0-9]{2}-[0-9]{4,6}'),
  lower(trim(case_number)));
ALTER TABLE docket_entries ALTER COLUMN case_key SET NOT NULL;
CREATE INDEX docket_entries_changes ON docket_entries (changed_xid, id);
CREATE INDEX docket_entries_by_case ON docket_entries (case_key, changed_xid, id);
ALTER TABLE free_looks ADD COLUMN stopped_as text CHECK (stopped_as IN ('used', 'expired', 'sealed', 'no-free-look'));
CREATE INDEX free_look_documents_by_pdf ON free_look_documents (pdf_sha256) WHERE pdf_sha256 IS NOT NULL;

CREATE FUNCTION ecf_desk_announce_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  PERFORM pg_notify('ecf_desk_entries',
    json_build_object('case', NEW.case_number, 'key', NEW.case_key, 'restricted', NEW.is_restricted)::text);
  RETURN NEW;
END $$;
CREATE TRIGGER docket_entries_changed BEFORE INSERT OR UPDATE ON docket_entries
  FOR EACH ROW EXECUTE FUNCTION ecf_desk_announce_entry();

-- A change to an entry's notices or free looks is a change to the entry: it is touched, which announces it. A look
-- stored or claimed is not a change desktops show (they show it pending either way); one that ends is.
CREATE FUNCTION ecf_desk_touch_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE docket_entries SET changed_xid = pg_current_xact_id() WHERE id = NEW.entry_id;
  RETURN NULL;
END $$;
CREATE TRIGGER entry_notices_changed AFTER INSERT ON entry_notices
  FOR EACH ROW EXECUTE FUNCTION ecf_desk_touch_entry();
CREATE TRIGGER free_looks_changed AFTER UPDATE OF state ON free_looks
  FOR EACH ROW WHEN (NEW.state NOT IN ('pending', 'fetching')) EXECUTE FUNCTION ecf_desk_touch_entry();

-- The court asking for a login on a fresh link means the document is sealed or restricted: so is its entry.
CREATE FUNCTION ecf_desk_restrict_sealed_look() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stopped_as = 'sealed' THEN
    UPDATE docket_entries SET is_restricted = true WHERE id = NEW.entry_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER free_looks_sealed AFTER UPDATE OF stopped_as ON free_looks
  FOR EACH ROW EXECUTE FUNCTION ecf_desk_restrict_sealed_look();
CREATE FUNCTION ecf_desk_restrict_sealed_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'sealed' THEN
    UPDATE docket_entries SET is_restricted = true
     WHERE id = (SELECT entry_id FROM free_looks WHERE id = NEW.free_look_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER free_look_documents_sealed AFTER INSERT ON free_look_documents
  FOR EACH ROW EXECUTE FUNCTION ecf_desk_restrict_sealed_document();
`,
};
