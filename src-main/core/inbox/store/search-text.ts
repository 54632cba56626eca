/**
 * What the user typed, as an FTS5 query that cannot fail: each word becomes a quoted string with a prefix star
 * (`"motion"*`), so `AND`, `OR`, `NOT`, `NEAR`, `*`, `:` and quotes are searched as text, never read as syntax. A word
 * with no letter or digit would be an empty phrase, which FTS5 rejects, so it is left out; null when none is left.
 */
export function toSearchQuery(text: string): string | null {
  const words = text
    // A control character (NUL above all) would end the query string inside SQLite: it separates words instead.
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 20)
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
  return words.length > 0 ? words.join(' ') : null;
}
