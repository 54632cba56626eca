import type { Draft } from '../../src-main/shared/filing';

/** One line of the list: a draft on its own, or the drafts of a package in filing order (FAQ 41). */
export type DraftGroup =
  | { readonly kind: 'single'; readonly draft: Draft }
  | { readonly kind: 'package'; readonly packageId: string; readonly drafts: readonly Draft[] };

/** Gathers a package's drafts where its first one appears, ordered by step; other drafts keep their place. */
export function groupDrafts(drafts: readonly Draft[]): DraftGroup[] {
  const groups: DraftGroup[] = [];
  const seen = new Set<string>();
  for (const draft of drafts) {
    if (draft.package === null) {
      groups.push({ kind: 'single', draft });
      continue;
    }
    const packageId = draft.package.id;
    if (seen.has(packageId)) {
      continue;
    }
    seen.add(packageId);
    const members = drafts
      .filter((each) => each.package?.id === packageId)
      .sort((a, b) => (a.package?.step ?? 0) - (b.package?.step ?? 0));
    groups.push({ kind: 'package', packageId, drafts: members });
  }
  return groups;
}
