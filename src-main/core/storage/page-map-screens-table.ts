import type Database from 'better-sqlite3';

/**
 * The `page_map_screens` table (migration 0010): which filing steps' screens a user has confirmed with a page map, by
 * the map's SHA-256 (docs/court-pages.md#confirming-screens).
 */
export function createPageMapScreensTable(db: Database.Database) {
  const select = db.prepare<[string], { step: string }>('SELECT step FROM page_map_screens WHERE map_digest = ?');
  const insert = db.prepare<[string, string, string, string]>(
    'INSERT OR IGNORE INTO page_map_screens (map_digest, step, confirmed_at, login_id) VALUES (?, ?, ?, ?)',
  );
  return {
    /** The steps confirmed with this map. */
    confirmed(mapDigest: string): Set<string> {
      return new Set(select.all(mapDigest).map((row) => row.step));
    },
    /** Records that a user confirmed these steps' screens with this map (a step confirmed before keeps its first record). */
    confirm(mapDigest: string, steps: readonly string[], loginId: string, at: Date): void {
      db.transaction(() => {
        for (const step of new Set(steps)) {
          insert.run(mapDigest, step, at.toISOString(), loginId);
        }
      })();
    },
  };
}

/** The confirmed screens of page maps. */
export type PageMapScreensTable = ReturnType<typeof createPageMapScreensTable>;
