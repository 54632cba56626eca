import type { Migration } from './migration';

/**
 * The inbox's full-text index in the list's own order, so a search never has to guess between two query plans.
 *
 * `inbox_search` becomes a contentless FTS5 table whose rowid is the item's `search_key`: the filing day's number times
 * 2^31, plus `seq`. Its rowids, newest last, are the list's order (newest filing first) up to the order within one
 * filing day, so `ORDER BY rowid DESC LIMIT n` stops after n matches, and a filing-date filter is a rowid range.
 * Its `facets` column holds one token for the court (`k` and the court's hex, so equal tokens mean equal courts), one
 * for read or unread and one for having a deadline or not: the list's filters are matched by the index itself, and a
 * rare filter never makes the search read rows it then throws away. The index keeps no copy of the text (content=''),
 * only the tokens; triggers keep it in step, including when an item is marked read. The case-number index also holds
 * the order columns, so a case-number search sorts on the index alone. See src-main/core/inbox/store/search-plan.ts.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'inbox-search-order',
  up(db) {
    db.exec(`
      DROP TRIGGER inbox_items_search_insert;
      DROP TRIGGER inbox_items_search_delete;
      DROP TRIGGER inbox_items_search_update;
      DROP TABLE inbox_search;

      -- A YYYY-MM-DD filing date as a day number that sorts as the text does (0 when there is none): (year × 12 +
      -- month − 1) × 31 + day. Kept under 2^22, so search_key stays below 2^53 and JavaScript reads it exactly.
      ALTER TABLE inbox_items ADD COLUMN filed_day INTEGER GENERATED ALWAYS AS (
        CASE WHEN date_filed GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
              AND CAST(substr(date_filed, 6, 2) AS INTEGER) BETWEEN 1 AND 12
              AND CAST(substr(date_filed, 9, 2) AS INTEGER) BETWEEN 1 AND 31
          THEN (CAST(substr(date_filed, 1, 4) AS INTEGER) * 12 + CAST(substr(date_filed, 6, 2) AS INTEGER) - 1) * 31
            + CAST(substr(date_filed, 9, 2) AS INTEGER)
          ELSE 0 END
      ) VIRTUAL;
      ALTER TABLE inbox_items ADD COLUMN search_key INTEGER GENERATED ALWAYS AS (filed_day * 2147483648 + seq) VIRTUAL;
      ALTER TABLE inbox_items ADD COLUMN search_facets TEXT GENERATED ALWAYS AS (
        CASE WHEN court IS NULL THEN '' ELSE 'k' || hex(court) || ' ' END
          || CASE WHEN is_read = 1 THEN 'isread' ELSE 'isunread' END
          || CASE WHEN deadline_count > 0 THEN ' hasdeadline' ELSE ' nodeadline' END
      ) VIRTUAL;

      -- A case-number search sorts its items on this index alone, without reading them.
      DROP INDEX inbox_items_case_number;
      CREATE INDEX inbox_items_case_number ON inbox_items (case_number COLLATE NOCASE, date_filed, received_at);

      CREATE VIRTUAL TABLE inbox_search USING fts5(
        case_number, case_name, docket_text, short_description, party_names, facets,
        content = '', columnsize = 0, tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO inbox_search (rowid, case_number, case_name, docket_text, short_description, party_names, facets)
        SELECT search_key, case_number, case_name, docket_text, short_description, party_names, search_facets
        FROM inbox_items;

      CREATE TRIGGER inbox_items_search_insert AFTER INSERT ON inbox_items BEGIN
        INSERT INTO inbox_search (rowid, case_number, case_name, docket_text, short_description, party_names, facets)
        VALUES (new.search_key, new.case_number, new.case_name, new.docket_text, new.short_description, new.party_names,
          new.search_facets);
      END;
      CREATE TRIGGER inbox_items_search_delete AFTER DELETE ON inbox_items BEGIN
        INSERT INTO inbox_search (inbox_search, rowid, case_number, case_name, docket_text, short_description, party_names, facets)
        VALUES ('delete', old.search_key, old.case_number, old.case_name, old.docket_text, old.short_description,
          old.party_names, old.search_facets);
      END;
      CREATE TRIGGER inbox_items_search_update
      AFTER UPDATE OF case_number, case_name, docket_text, short_description, party_names, date_filed, court, is_read, deadlines
      ON inbox_items BEGIN
        INSERT INTO inbox_search (inbox_search, rowid, case_number, case_name, docket_text, short_description, party_names, facets)
        VALUES ('delete', old.search_key, old.case_number, old.case_name, old.docket_text, old.short_description,
          old.party_names, old.search_facets);
        INSERT INTO inbox_search (rowid, case_number, case_name, docket_text, short_description, party_names, facets)
        VALUES (new.search_key, new.case_number, new.case_name, new.docket_text, new.short_description, new.party_names,
          new.search_facets);
      END;
    `);
  },
};
