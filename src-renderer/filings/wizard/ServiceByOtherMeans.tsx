import { useId } from 'react';
import type { Draft } from '../../../src-main/shared/filing';
import { useFilings } from '../../state/StoresProvider';
import { RadioChoice } from '../../components/RadioChoice';
import { useInBackground } from '../../state/background';
import { PartiesServedByMail } from './PartiesServedByMail';

/**
 * FAQ 37–38: the parties the court's notice does not reach, where they are served by mail, and how their certificate
 * of service is filed: at the end of the main document (common practice), or as a document of its own that ECF Desk
 * makes (made again by main when the parties or signers change). Nothing when every party is served electronically.
 */
export function ServiceByOtherMeans({ draft }: { readonly draft: Draft }) {
  const make = useFilings((state) => state.makeCertificateOfService);
  const isMaking = useFilings((state) => state.isMakingCertificate);
  const update = useFilings((state) => state.update);
  const inBackground = useInBackground();
  const headingId = useId();
  const groupName = useId();
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
  const isInMainDocument = draft.isCertificateInMainDocument;
  const choose = (isCertificateInMainDocument: boolean): void =>
    inBackground('Saving the filing', update({ isCertificateInMainDocument }));

  return (
    <section className="wizard-step__note" aria-labelledby={headingId} data-testid="service-by-other-means">
      <h3 id={headingId} className="service-by-other-means__title">
        Served by other means
      </h3>
      <p>
        The court&apos;s notice does not reach these parties. Mail them the document, at the address the court lists,
        and file a certificate of service saying how (FAQ 37–38).
      </p>
      <PartiesServedByMail parties={servedOtherwise} />
      <fieldset className="choices" data-testid="certificate-place">
        <legend className="choices__legend">Where is the certificate of service?</legend>
        <RadioChoice
          name={groupName}
          checked={!isInMainDocument}
          onChange={() => choose(false)}
          label="A separate document"
          hint='ECF Desk makes it, or attach your own as "Certificate of service".'
        />
        <RadioChoice
          name={groupName}
          data-testid="certificate-in-main-document"
          checked={isInMainDocument}
          onChange={() => choose(true)}
          label="At the end of the main document"
          hint="Its last page certifies how and where each party above was served; no separate document is filed."
        />
      </fieldset>
      {isInMainDocument ? (
        <p data-testid="certificate-in-main-note">
          Before you file, check that the main document ends with the certificate of service and that it names each
          party above with the address it was mailed to.
        </p>
      ) : (
        <>
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
        </>
      )}
    </section>
  );
}
