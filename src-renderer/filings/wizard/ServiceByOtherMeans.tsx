import { useId } from 'react';
import type { Draft } from '../../../src-main/shared/filing';
import { useFilings } from '../../state/StoresProvider';
import { useInBackground } from '../../state/background';

/**
 * FAQ 37–38: the parties the court's notice does not reach, where they are served by mail, and the certificate of
 * service ECF Desk makes for them (made again by main when the parties or signers change). Nothing when every party
 * is served electronically.
 */
export function ServiceByOtherMeans({ draft }: { readonly draft: Draft }) {
  const make = useFilings((state) => state.makeCertificateOfService);
  const isMaking = useFilings((state) => state.isMakingCertificate);
  const inBackground = useInBackground();
  const headingId = useId();
  // The parties filed for are not served; every other party not registered for e-service is (FAQ 37).
  const servedOtherwise = draft.parties.filter(
    (party) => !party.isServedElectronically && !draft.filerPartyIds.includes(party.id),
  );
  if (servedOtherwise.length === 0) {
    return null;
  }
  const isMade = draft.documents.some(
    (document) => document.type === 'certificate-of-service' && document.generatedFrom !== undefined,
  );

  return (
    <section className="wizard-step__note" aria-labelledby={headingId} data-testid="service-by-other-means">
      <h3 id={headingId} className="service-by-other-means__title">
        Served by other means
      </h3>
      <p>
        The court&apos;s notice does not reach these parties. Serve them by mail and file a certificate of service
        saying how (FAQ 37–38).
      </p>
      <ul>
        {servedOtherwise.map((party) => (
          <li key={party.id} data-testid="served-by-mail">
            <strong>{party.name}</strong>, {party.role}:{' '}
            {party.address ? party.address : "no mailing address on the court's record"}
          </li>
        ))}
      </ul>
      {isMade && (
        <p>
          The certificate of service in the list above was made by ECF Desk. It is made again when the parties or
          signers change.
        </p>
      )}
      <div className="wizard-step__actions">
        <button
          type="button"
          className="button"
          data-testid="make-certificate"
          disabled={isMaking}
          aria-busy={isMaking}
          onClick={() => inBackground('Making the certificate of service', make())}
        >
          {isMaking ? 'Making the certificate…' : isMade ? 'Make it again' : 'Make certificate of service'}
        </button>
      </div>
    </section>
  );
}
