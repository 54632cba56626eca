import type { InboxItem } from '../../src-main/shared/inbox';

/** One line of the list: a case's heading (when grouped) or a notice's place in the result. */
export type ListRow =
  | { readonly kind: 'case'; readonly caseNumber: string; readonly caseName: string | null; readonly count: number }
  | { readonly kind: 'notice'; readonly index: number };

/** Every place in the result as a row, in main's order (newest first). */
export function listInOrder(total: number): ListRow[] {
  return Array.from({ length: total }, (_, index) => ({ kind: 'notice', index }));
}

/** The loaded notices under a heading per case, the case with the newest notice first, each case's notices newest first. */
export function groupByCase(items: readonly (InboxItem | undefined)[]): ListRow[] {
  const cases = new Map<string, { caseName: string | null; indexes: number[] }>();
  items.forEach((item, index) => {
    if (!item) {
      return;
    }
    const group = cases.get(item.caseNumber) ?? { caseName: item.caseName, indexes: [] };
    group.indexes.push(index);
    cases.set(item.caseNumber, group);
  });
  return [...cases].flatMap(([caseNumber, group]): ListRow[] => [
    { kind: 'case', caseNumber, caseName: group.caseName, count: group.indexes.length },
    ...group.indexes.map((index): ListRow => ({ kind: 'notice', index })),
  ]);
}
