import { actionOpeningEvents, findDocketEvent } from '../../../src-main/shared/cit-event-catalog';
import type { CaseParty, Draft, DraftChanges } from '../../../src-main/shared/filing';
import { TextField } from '../../accounts/TextField';
import { useFilings } from '../../state/StoresProvider';
import { useInBackground } from '../../state/background';
import { useDebouncedText } from './use-debounced-text';

/** The defendant of most actions in this court (28 U.S.C. 1581): the caption's default. */
export const defaultDefendant = 'United States';

/** The ids the wizard gives a new action's plaintiff and defendant (the court makes them its own once it opens the case). */
const plaintiffId = 'new-plaintiff';
const defendantId = 'new-defendant';

/** The plaintiff's and the defendant's names as the draft holds them, or the defaults of a new action. */
export function namesOfNewAction(draft: Draft): { plaintiff: string; defendant: string } {
  const named = (id: string): string | undefined => draft.parties.find((party) => party.id === id)?.name;
  return { plaintiff: named(plaintiffId) ?? '', defendant: named(defendantId) ?? defaultDefendant };
}

/**
 * The changes that make the draft a new action (USCIT Rule 3(a)) captioned "<plaintiff> v. <defendant>": no case,
 * the two parties entered here, the plaintiff as the party filed for, and an event that does not open an action
 * dropped. The court serves no one through its notice in a case nobody has appeared in yet.
 */
export function newActionChanges(draft: Draft, plaintiff: string, defendant: string): DraftChanges {
  const parties: CaseParty[] = [
    { id: plaintiffId, name: plaintiff.trim(), role: 'Plaintiff', isServedElectronically: false },
    { id: defendantId, name: defendant.trim(), role: 'Defendant', isServedElectronically: false },
  ].filter((party) => party.name !== '');
  const caption = plaintiff.trim() && defendant.trim() ? `${plaintiff.trim()} v. ${defendant.trim()}` : '';
  const event = draft.eventId === null ? undefined : findDocketEvent(draft.eventId);
  return {
    case: null,
    newAction: { caption },
    parties,
    filerPartyIds: parties.some((party) => party.id === plaintiffId) ? [plaintiffId] : [],
    ...(event !== undefined && event.opensAction !== true ? { eventId: null, relatedDocumentNumbers: [] } : {}),
  };
}

/** The caption of a new action: the plaintiff, filed for, and the defendant, the United States unless changed. */
export function NewActionFields({ draft }: { readonly draft: Draft }) {
  const update = useFilings((state) => state.update);
  const inBackground = useInBackground();
  const initial = namesOfNewAction(draft);
  // Each field saves the whole caption with the other field's latest value.
  const latest = { plaintiff: initial.plaintiff, defendant: initial.defendant };
  const save = (changes: Partial<typeof latest>): void => {
    Object.assign(latest, changes);
    inBackground('Saving the filing', update(newActionChanges(draft, latest.plaintiff, latest.defendant)));
  };
  const [plaintiff, setPlaintiff] = useDebouncedText(initial.plaintiff, (value) => save({ plaintiff: value }));
  const [defendant, setDefendant] = useDebouncedText(initial.defendant, (value) => save({ defendant: value }));
  latest.plaintiff = plaintiff;
  latest.defendant = defendant;
  const caption = draft.newAction?.caption ?? '';

  return (
    <section className="wizard-step__new-action" aria-label="New action" data-testid="new-action">
      <p className="wizard-step__muted">
        An action in this court begins with a summons (USCIT Rule 3(a)); the court opens the case and gives it its
        number when the summons is filed. Choose the {actionOpeningEvents.map((event) => event.name).join(' or the ')}{' '}
        on the next step.
      </p>
      <TextField
        label="Plaintiff"
        hint="The party you file for, as the summons names it."
        data-testid="new-action-plaintiff"
        maxLength={140}
        value={plaintiff}
        onChange={(change) => setPlaintiff(change.target.value)}
      />
      <TextField
        label="Defendant"
        hint="Usually the United States."
        data-testid="new-action-defendant"
        maxLength={140}
        value={defendant}
        onChange={(change) => setDefendant(change.target.value)}
      />
      <p className="wizard-step__chosen" data-testid="new-action-caption">
        <span className="wizard-step__chosen-label">Caption:</span>{' '}
        {caption ? <strong>{caption}</strong> : <span className="wizard-step__muted">enter both parties</span>}
      </p>
    </section>
  );
}
