import type { CaseParty, Draft } from './filing';
import { isSamePerson } from './person-name';

/** The event whose filing makes its filer counsel of record, so its filer is not expected to be counsel yet. */
const noticeOfAppearance = 'form-11-notice-of-appearance';

/**
 * The parties a draft is filed for whose counsel of record, as the court's party report lists them, do not include
 * the filer (FAQ 36: the court serves and notifies a party through its attorneys of record). None for a new action
 * (its filer becomes counsel of the parties it files for), for a notice of appearance (which makes its filer
 * counsel), for a party whose counsel the court did not list, or when the filer's name is not known.
 */
export function partiesFiledForWithoutFiler(draft: Draft, filerName: string): CaseParty[] {
  if (draft.newAction !== null || draft.eventId === noticeOfAppearance || filerName.trim() === '') {
    return [];
  }
  return draft.parties.filter(
    (party) =>
      draft.filerPartyIds.includes(party.id) &&
      party.counsel !== undefined &&
      !party.counsel.some((counsel) => isSamePerson(counsel, filerName)),
  );
}
