import type { FilingHelpTopic } from '../../src-main/shared/court-help';

/** Lower case, with every run of punctuation and space made one space, so "Z-motion" and "z motion", "it’s" and "it's" meet. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** Everything a reader might search a topic by: its title, FAQ number, the court's message, its text and whom to call. */
function searchableTextOf(topic: FilingHelpTopic): string {
  return normalize(
    [
      topic.title,
      topic.faq,
      topic.courtMessage ?? '',
      ...topic.paragraphs,
      topic.contact?.name ?? '',
      topic.alsoContact?.name ?? '',
    ].join(' '),
  );
}

/** The topics that contain every word of the query, in their own order; all of them for an empty query. */
export function findTopics(topics: readonly FilingHelpTopic[], query: string): readonly FilingHelpTopic[] {
  const words = normalize(query)
    .split(' ')
    .filter((word) => word.length > 0);
  if (words.length === 0) {
    return topics;
  }
  return topics.filter((topic) => {
    const text = searchableTextOf(topic);
    return words.every((word) => text.includes(word));
  });
}
