import { partiesFiledForWithoutFiler } from '../../../src-main/shared/counsel-of-record';
import type { Draft } from '../../../src-main/shared/filing';
import type { Filer } from './use-filer';

/**
 * Warns when the filer is not listed as counsel of record for a party the draft is filed for (FAQ 36): what is wrong,
 * why the court cares, what to do. Nothing when the filer is counsel for each, or is not known yet.
 */
export function CounselWarning({ draft, filer }: { readonly draft: Draft; readonly filer: Filer | null }) {
  const parties = filer === null ? [] : partiesFiledForWithoutFiler(draft, filer.name);
  if (filer === null || parties.length === 0) {
    return null;
  }
  const caseNumber = draft.case?.caseNumber ?? 'this case';
  return (
    <div className="wizard-step__note" role="status" data-testid="counsel-warning">
      <p>
        <strong>
          {filer.name} ({filer.loginId}) is not listed as counsel of record for{' '}
          {parties.map((party) => party.name).join(', ')} in {caseNumber}.
        </strong>
      </p>
      <ul>
        {parties.map((party) => (
          <li key={party.id}>
            {party.name}, {party.role}:{' '}
            {party.counsel && party.counsel.length > 0
              ? `the court lists ${party.counsel.join('; ')}`
              : 'the court lists no attorney (the party appears for itself)'}
            .
          </li>
        ))}
      </ul>
      <p>
        The court takes a party&apos;s filings from its attorneys of record and sends its notices in the case to them
        (FAQ 36): a document filed on behalf of a party you do not represent may be struck, and the court&apos;s notice
        of it will not come to you. Check that you chose the right case and party. If you do represent the party, file a
        Form 11 Notice of Appearance first.
      </p>
    </div>
  );
}
