/** Where a record not yet in a list goes. */
export type NewAt = 'start' | 'end';

/** Replaces the record with the same id where it stands, or adds it at the start or (by default) the end. */
export function upsert<T extends { readonly id: string }>(list: readonly T[], record: T, newAt: NewAt = 'end'): T[] {
  if (list.some((each) => each.id === record.id)) {
    return list.map((each) => (each.id === record.id ? record : each));
  }
  return newAt === 'start' ? [record, ...list] : [...list, record];
}
