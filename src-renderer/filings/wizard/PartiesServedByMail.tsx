import type { CaseParty } from '../../../src-main/shared/filing';
import { CopyButton } from '../../components/CopyButton';

/**
 * The parties the court's notice does not reach, each with the mailing address the court lists for it and a Copy
 * button for the envelope or the certificate (FAQ 37–38), or what to do when the court lists none.
 */
export function PartiesServedByMail({ parties }: { readonly parties: readonly CaseParty[] }) {
  return (
    <ul className="served-by-mail">
      {parties.map((party) => {
        const address = party.address?.trim() ?? '';
        return (
          <li key={party.id} className="served-by-mail__party" data-testid="served-by-mail">
            <span>
              <strong>{party.name}</strong>, {party.role}
            </span>
            {address === '' ? (
              <span className="served-by-mail__none" data-testid="no-mailing-address">
                The court lists no mailing address for this party. Ask the party or its counsel for one, or find it in
                the case&apos;s earlier certificates of service.
              </span>
            ) : (
              <span className="served-by-mail__address">
                <span data-testid="mailing-address">{address}</span>
                <CopyButton
                  value={`${party.name}\n${address}`}
                  description={`the mailing address of ${party.name}`}
                  unavailableHint="The clipboard is not available. Select the address and copy it yourself."
                />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
