/**
 * Whether two ways of writing a person's name name the same person. CM/ECF prints attorneys as "Last, First"
 * ("Walsh, Thomas") on its party reports and "First Last" in its notices, while an account's name is typed by its
 * user ("Thomas J. Walsh"): every word of the shorter name must be a word of the longer, in any order, ignoring
 * case, accents, full stops and commas. Empty names name nobody.
 */
export function isSamePerson(one: string, other: string): boolean {
  const first = wordsOf(one);
  const second = wordsOf(other);
  if (first.length === 0 || second.length === 0) {
    return false;
  }
  const [shorter, longer] = first.length <= second.length ? [first, second] : [second, first];
  // One word ("Jane") is not enough to know a person by: it must then be the whole of both names.
  if (shorter.length === 1) {
    return longer.length === 1 && shorter[0] === longer[0];
  }
  return shorter.every((word) => longer.includes(word));
}

/** A name's words, lower case, without accents or punctuation. */
function wordsOf(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((word) => word !== '');
}
