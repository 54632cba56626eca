import type { FirmMigration } from './firm-migration';

/**
 * Storing a notice in one call (docs/firm-server.md#sizing): `ecf_desk_store_notice` does in the database what
 * `storeNotice` did statement by statement, so a notice is one round trip and one transaction. It takes the notice's
 * values as `storeNotice` bounded them, its docket entries (each once, in the notice's order) and its links (each naming
 * its entry by position in those, a refused one with the gate's reason), and stores them as before: the notice by its
 * SHA-256 (one already there, or stored by another server at the same moment, is a duplicate and nothing else is
 * written), each entry by its key (a new one with its words), the refused links kept as refused, the allowed ones
 * pending once per document of an entry, and last the link from each entry to the notice, which touches the entry and
 * announces it to desktops (migration 3) with its looks in place. Free looks to fetch are announced on
 * `ecf_desk_free_looks`, delivered at commit. It answers the notice's id (null for a duplicate), how many entries were
 * new and how many looks wait.
 *
 * Its statements run one after the other, each seeing what other transactions committed before it began: an entry
 * another server stored meanwhile is found by the look that follows the insert that gave way to it.
 */
export const firmMigration0006: FirmMigration = {
  version: 6,
  name: 'store-notice',
  sql: `
CREATE FUNCTION ecf_desk_store_notice(
  raw_sha256_hex text, mailbox bigint, received timestamptz, notice_kind text, notice_court text, notice_subject text,
  notice_parsed jsonb,
  entry_keys text[], entry_case_numbers text[], entry_case_keys text[], entry_case_ids text[],
  entry_de_seq_nums text[], entry_restricted boolean[], entry_words text[],
  link_entries integer[], link_document_keys text[], link_urls text[], link_refusals text[],
  OUT stored_notice bigint, OUT new_entries integer, OUT pending_looks integer)
LANGUAGE plpgsql AS $$
DECLARE
  entry_ids bigint[] := '{}';
  entry_id_found bigint;
BEGIN
  new_entries := 0;
  pending_looks := 0;
  INSERT INTO notices (raw_sha256, mailbox_id, received_at, kind, court, subject, parsed)
  VALUES (decode(raw_sha256_hex, 'hex'), mailbox, received, notice_kind, notice_court, notice_subject, notice_parsed)
  ON CONFLICT (raw_sha256) DO NOTHING RETURNING id INTO stored_notice;
  IF stored_notice IS NULL THEN
    RETURN;
  END IF;

  FOR i IN 1 .. coalesce(array_length(entry_keys, 1), 0) LOOP
    entry_id_found := NULL;
    INSERT INTO docket_entries (entry_key, court, case_number, case_key, case_id, de_seq_num, first_notice_id,
      is_restricted, search)
    VALUES (entry_keys[i], notice_court, entry_case_numbers[i], entry_case_keys[i], entry_case_ids[i],
      entry_de_seq_nums[i], stored_notice, entry_restricted[i], to_tsvector('english', entry_words[i]))
    ON CONFLICT (entry_key) DO NOTHING RETURNING id INTO entry_id_found;
    IF entry_id_found IS NULL THEN
      SELECT id INTO entry_id_found FROM docket_entries WHERE entry_key = entry_keys[i];
      IF entry_id_found IS NULL THEN
        RAISE EXCEPTION 'A docket entry could not be stored or found.';
      END IF;
    ELSE
      new_entries := new_entries + 1;
    END IF;
    entry_ids := entry_ids || entry_id_found;
  END LOOP;

  -- The links, all at once: those the gate refused kept with its reason, the others waiting to be fetched (one per
  -- document of an entry, whichever notice brought it first).
  IF cardinality(array_remove(link_refusals, NULL)) > 0 THEN
    INSERT INTO free_looks (entry_id, notice_id, document_key, url, state, message, finished_at)
    SELECT entry_ids[link.entry], stored_notice, link.document_key, link.url, 'refused', link.refusal, now()
      FROM unnest(link_entries, link_document_keys, link_urls, link_refusals) AS link (entry, document_key, url, refusal)
     WHERE link.refusal IS NOT NULL;
  END IF;
  IF array_position(link_refusals, NULL) IS NOT NULL THEN
    INSERT INTO free_looks (entry_id, notice_id, document_key, url, state)
    SELECT entry_ids[link.entry], stored_notice, link.document_key, link.url, 'pending'
      FROM unnest(link_entries, link_document_keys, link_urls, link_refusals) AS link (entry, document_key, url, refusal)
     WHERE link.refusal IS NULL
    ON CONFLICT (entry_id, document_key) WHERE state <> 'refused' DO NOTHING;
    GET DIAGNOSTICS pending_looks = ROW_COUNT;
  END IF;

  -- Linking the notice to an entry touches the entry, which announces it to desktops: done last, once per entry, with
  -- the entry's looks in place.
  IF cardinality(entry_ids) > 0 THEN
    INSERT INTO entry_notices (entry_id, notice_id) SELECT unnest(entry_ids), stored_notice ON CONFLICT DO NOTHING;
  END IF;
  IF pending_looks > 0 THEN
    PERFORM pg_notify('ecf_desk_free_looks', '');
  END IF;
END $$;
`,
};
