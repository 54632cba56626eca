import type { Draft } from '../../../src-main/shared/filing';
import { useFilings } from '../../state/StoresProvider';
import { useInBackground } from '../../state/background';
import { CounselWarning } from './CounselWarning';
import { PartiesServedByMail } from './PartiesServedByMail';
import { useFiler } from './use-filer';

/**
 * Step 3: the parties the document is filed for, a warning when the filer is not their counsel of record (FAQ 36),
 * and who must be served by other means (FAQ 37–38).
 */
export function PartiesStep({ draft, onGoToCase }: { readonly draft: Draft; readonly onGoToCase: () => void }) {
  const update = useFilings((state) => state.update);
  const inBackground = useInBackground();
  const filer = useFiler(draft);

  if (draft.case === null && draft.newAction === null) {
    return (
      <div className="wizard-step">
        <p>Choose the case first: the parties come from the court&apos;s record of it.</p>
        <button type="button" className="button" onClick={onGoToCase}>
          Go to step 1, Case
        </button>
      </div>
    );
  }
  if (draft.parties.length === 0) {
    return (
      <div className="wizard-step">
        <p className="wizard-step__muted" role="status">
          {draft.case === null
            ? 'The new action has no parties yet. Enter the plaintiff and the defendant on step 1.'
            : `No parties are known for ${draft.case.caseNumber} yet. They are read from the court when the case is chosen; choose the case again to read them once more.`}
        </p>
        <button type="button" className="button" onClick={onGoToCase}>
          Go to step 1, Case
        </button>
      </div>
    );
  }

  const toggle = (partyId: string, isChecked: boolean): void => {
    const filerPartyIds = isChecked
      ? [...draft.filerPartyIds, partyId]
      : draft.filerPartyIds.filter((id) => id !== partyId);
    inBackground('Saving the filing', update({ filerPartyIds }));
  };
  // The parties filed for are not served; every other party not registered for e-service is (FAQ 37). A new action's
  // summons is served as the court's rules direct instead (the review says how).
  const servedOtherwise = draft.parties.filter(
    (party) => draft.newAction === null && !party.isServedElectronically && !draft.filerPartyIds.includes(party.id),
  );

  return (
    <div className="wizard-step">
      <fieldset className="choices">
        <legend className="choices__legend">For whom is this document filed?</legend>
        {draft.parties.map((party) => (
          <label key={party.id} className="choice" data-testid="party-option" data-party-id={party.id}>
            <input
              type="checkbox"
              checked={draft.filerPartyIds.includes(party.id)}
              onChange={(event) => toggle(party.id, event.target.checked)}
            />
            <span className="choice__text">
              <span>{party.name}</span>
              <span className="choice__hint">
                {party.role}
                {!party.isServedElectronically && ' · not served electronically'}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <CounselWarning draft={draft} filer={filer} />
      {servedOtherwise.length > 0 && (
        <div className="wizard-step__note" data-testid="service-note">
          <p>
            Not served electronically: <strong>{servedOtherwise.map((party) => party.name).join(', ')}</strong>.
          </p>
          <p>
            The court&apos;s notice does not reach them. Serve them by other means, such as mail or hand delivery, and
            attach a certificate of service saying how (FAQ 37–38). The court lists where to mail them:
          </p>
          <PartiesServedByMail parties={servedOtherwise} />
        </div>
      )}
    </div>
  );
}
