import type { DocketEvent } from './cit-event-catalog';
import { citEventCatalog } from './cit-event-catalog';

/**
 * FAQ 30: CM/ECF's Search button finds docket events by a word or phrase. This is the same search over the app's
 * catalog, forgiving about case, punctuation and spacing ("Form 17", "form17", "Z-motion", "z motion").
 */

/** An event found by a search, and the alias that matched when the name did not. */
export interface EventMatch {
  readonly event: DocketEvent;
  readonly matchedAlias: string | null;
}

/** The events of one menu category that a search found, best first. */
export interface EventGroup {
  readonly category: string;
  readonly events: readonly EventMatch[];
}

// Filers type the short form; the catalog often spells it out. Each phrase also answers to its abbreviation.
const abbreviations: ReadonlyArray<readonly [phrase: string, abbreviation: string]> = [
  ['business proprietary information', 'bpi'],
];

/** Lower-case words, split at punctuation and between letters and digits ("Form17" → "form 17"). */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** The words a name or alias can be found by, its abbreviations included. */
function searchableWordsOf(text: string): string[] {
  const words = wordsOf(text);
  const joined = words.join(' ');
  const extra = abbreviations.filter(([phrase]) => joined.includes(phrase)).map(([, abbreviation]) => abbreviation);
  return [...words, ...extra];
}

/** Every query word starts some word of the text. */
function matchesAll(queryWords: readonly string[], text: string): boolean {
  const words = searchableWordsOf(text);
  return queryWords.every((queryWord) => words.some((word) => word.startsWith(queryWord)));
}

/** Puts matches into the catalog's category order, keeping each category's matches in the order given. */
function groupByCategory(matches: readonly EventMatch[], catalog: readonly DocketEvent[]): EventGroup[] {
  const categories = [...new Set(catalog.map((event) => event.category))];
  return categories
    .map((category) => ({ category, events: matches.filter((match) => match.event.category === category) }))
    .filter((group) => group.events.length > 0);
}

/** The catalog's events that every word of the query finds in the name or in one alias; name matches rank first. */
export function searchDocketEvents(query: string, catalog: readonly DocketEvent[] = citEventCatalog): EventGroup[] {
  const queryWords = wordsOf(query);
  if (queryWords.length === 0) {
    return groupByCategory(
      catalog.map((event) => ({ event, matchedAlias: null })),
      catalog,
    );
  }
  const byName: EventMatch[] = [];
  const byAlias: EventMatch[] = [];
  for (const event of catalog) {
    if (matchesAll(queryWords, event.name)) {
      byName.push({ event, matchedAlias: null });
      continue;
    }
    const alias = event.aliases.find((candidate) => matchesAll(queryWords, candidate));
    if (alias !== undefined) {
      byAlias.push({ event, matchedAlias: alias });
    }
  }
  return groupByCategory([...byName, ...byAlias], catalog);
}
