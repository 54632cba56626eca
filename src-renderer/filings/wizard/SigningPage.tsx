import { useId } from 'react';
import type { DraftReview } from '../../../src-main/shared/filing';
import { formatBytes } from '../../format/format-bytes';
import { useDocuments } from '../../state/StoresProvider';
import { CounselWarning } from './CounselWarning';
import { documentTypeLabels } from './describe-document-type';
import type { Filer } from './use-filer';
import './SigningPage.css';

/** What the signing page needs: the draft as main reviewed it, who signs, and the one control's state. */
export interface SigningPageProps {
  readonly review: DraftReview;
  readonly filer: Filer | null;
  /** Why it cannot be signed and filed yet, in plain words; empty when it can. */
  readonly waitingFor: readonly string[];
  readonly isSubmitting: boolean;
  readonly onConfirm: () => void;
  readonly onGoToReview: () => void;
}

/**
 * The page the attorney signs and files from (FAQ 35: the PACER login is the signature): every part of what goes to
 * the court — the documents in order with their pages, size and SHA-256, the parties filed for, how every other party
 * is served (FAQ 36–38), the docket text as it will read, and who signs, by name and login — then one control that
 * says what pressing it does.
 */
export function SigningPage({ review, filer, waitingFor, isSubmitting, onConfirm, onGoToReview }: SigningPageProps) {
  const records = useDocuments((state) => state.documents);
  const baseId = useId();
  const confirmHintId = `${baseId}-confirm`;
  const { draft } = review;
  const filedFor = draft.parties.filter((party) => draft.filerPartyIds.includes(party.id));
  // FAQ 37: the parties filed for are not served; every other party is, by the court's notice or by other means.
  const others = draft.parties.filter((party) => !draft.filerPartyIds.includes(party.id));
  const electronically = others.filter((party) => party.isServedElectronically);
  const otherwise = others.filter((party) => !party.isServedElectronically);
  const { signature } = draft;
  const canConfirm = waitingFor.length === 0 && filer !== null && !isSubmitting;

  return (
    <div className="wizard-step signing" data-testid="signing-page">
      <p>
        Read what you sign and file. It goes to the court exactly as shown here; once sent it cannot be taken back, only
        corrected by a new filing.
      </p>

      <section className="signing__part" aria-labelledby={`${baseId}-documents`}>
        <h4 id={`${baseId}-documents`} className="signing__heading">
          Documents, in the order they are filed
        </h4>
        {/* Focusable, so that a keyboard can scroll the table sideways where the window is narrow. */}
        <div className="signing__table-frame" tabIndex={0} role="region" aria-label="Documents table">
          <table className="signing__documents">
            <caption className="visually-hidden">Documents filed, in order</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Type</th>
                <th scope="col">File</th>
                <th scope="col">Pages</th>
                <th scope="col">Size</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {draft.documents.map((document, index) => {
                const record = records.find((candidate) => candidate.id === document.documentId);
                return (
                  <tr key={document.documentId} data-testid="signing-document">
                    <td>{index + 1}</td>
                    <td>
                      {documentTypeLabels[document.type]}
                      {document.description && ` — ${document.description}`}
                    </td>
                    <td>{record?.name ?? 'No longer on the Documents screen'}</td>
                    <td className="signing__number">{record?.pages ?? 'Not known'}</td>
                    <td className="signing__number">{record ? formatBytes(record.bytes) : 'Not known'}</td>
                    <td>
                      <code className="signing__hash">{record?.sha256 ?? 'Not known'}</code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="signing__part" aria-labelledby={`${baseId}-parties`}>
        <h4 id={`${baseId}-parties`} className="signing__heading">
          Filed for
        </h4>
        <ul className="signing__list" data-testid="signing-filed-for">
          {filedFor.map((party) => (
            <li key={party.id}>
              {party.name}, {party.role}
            </li>
          ))}
        </ul>
      </section>

      <section className="signing__part" aria-labelledby={`${baseId}-service`}>
        <h4 id={`${baseId}-service`} className="signing__heading">
          Service
        </h4>
        <ul className="signing__list" data-testid="signing-service">
          {draft.newAction !== null ? (
            <li>A new action: the summons is served as the court&apos;s rules direct (USCIT Rule 3).</li>
          ) : others.length === 0 ? (
            <li>No other party in the case to serve.</li>
          ) : (
            <>
              {electronically.length > 0 && (
                <li>
                  Served electronically by the court’s notice: {electronically.map((party) => party.name).join(', ')}{' '}
                  (FAQ 36).
                </li>
              )}
              {otherwise.length > 0 && (
                <li>
                  Served by other means:{' '}
                  {otherwise
                    .map((party) => (party.address ? `${party.name}, ${party.address}` : party.name))
                    .join('; ')}{' '}
                  — by mail, with the certificate of service filed with it (FAQ 37–38).
                </li>
              )}
            </>
          )}
        </ul>
      </section>

      <section className="signing__part" aria-labelledby={`${baseId}-docket`}>
        <h4 id={`${baseId}-docket`} className="signing__heading">
          Docket text, exactly as it will read
        </h4>
        {review.docketTextPreview === null ? (
          <p className="docket-preview docket-preview--empty">
            No docket text yet: it needs the event and the parties filed for (steps 2 and 3).
          </p>
        ) : (
          <p className="docket-preview" data-testid="signing-docket-text">
            {review.docketTextPreview}
          </p>
        )}
      </section>

      <section className="signing__part" aria-labelledby={`${baseId}-signer`}>
        <h4 id={`${baseId}-signer`} className="signing__heading">
          Signed by
        </h4>
        <p data-testid="signing-signer">
          {filer === null
            ? 'Nobody who may sign is logged in: the filing attorney logs in with their own PACER filer account.'
            : `${filer.name || 'No name given'}, PACER login ${filer.loginId}${filer.role ? `, ${filer.role}` : ''}${
                signature ? ` — signed ${new Date(signature.signedAt).toLocaleString()}` : ''
              }. The login is the signature (FAQ 35).`}
        </p>
      </section>

      <CounselWarning draft={draft} filer={filer} />

      {waitingFor.length > 0 && (
        <div className="wizard-step__note" data-testid="submit-waiting">
          <p>Not ready to sign and file yet:</p>
          <ul>
            {waitingFor.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={onGoToReview}>
            Go to step 6, Review and sign
          </button>
        </div>
      )}

      <div className="signing__confirm">
        <button
          type="button"
          className="button button--primary"
          data-testid="file-now"
          disabled={!canConfirm}
          aria-busy={isSubmitting}
          aria-describedby={confirmHintId}
          onClick={onConfirm}
        >
          Sign and file with the court
        </button>
        <p id={confirmHintId} className="signing__confirm-hint">
          {filer === null
            ? 'This sends the filing to the court now, signed with the PACER login of the attorney logged in.'
            : `This sends the filing to the court now, signed by ${filer.name || 'the attorney'} (${filer.loginId}). If the court cannot be reached, it waits in the outbox and goes as soon as it can; it counts as filed once the court accepts it (FAQ 28).`}
        </p>
      </div>
    </div>
  );
}
