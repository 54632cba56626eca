import { useState } from 'react';
import type { DraftReview } from '../../../src-main/shared/filing';
import { SignerFields } from '../../accounts/SignerFields';
import { useAccounts, useDocuments, useFilings } from '../../state/StoresProvider';
import { useInBackground } from '../../state/background';
import { documentTypeLabels } from './describe-document-type';
import { canSign, SessionLine } from './SessionLine';

/**
 * The attorney's signature (FAQ 35): what is signed — each document with its pages and the docket text as it will
 * read — then the name the `/s/` signature carries and the box that signs. Main binds the signature to the logged-in
 * filer account and takes it back when anything signed changes, so the box shows what main says, not a local tick.
 */
export function SignatureBlock({
  review,
  onOpenAccounts,
}: {
  readonly review: DraftReview;
  readonly onOpenAccounts: () => void;
}) {
  const sign = useFilings((state) => state.sign);
  const unsign = useFilings((state) => state.unsign);
  const session = useAccounts((state) => state.session);
  const accounts = useAccounts((state) => state.accounts);
  const records = useDocuments((state) => state.documents);
  const inBackground = useInBackground();
  const { draft } = review;
  const account =
    session?.state === 'logged-in' ? accounts.find((candidate) => candidate.id === session.accountId) : undefined;
  const [name, setName] = useState(account?.name ?? '');
  const [role, setRole] = useState(account?.role ?? '');
  const mayFile = canSign(session);
  const { signature } = draft;
  const signedHere = signature !== null && session?.state === 'logged-in' && signature.accountId === session.accountId;

  return (
    <section className="wizard-step__signature" aria-label="Signature">
      <div className="signature__signed-parts" data-testid="signed-parts">
        <p className="wizard-step__muted">What the signature covers:</p>
        <ol className="signature__documents">
          {draft.documents.map((document) => {
            const record = records.find((candidate) => candidate.id === document.documentId);
            return (
              <li key={document.documentId}>
                <strong>{documentTypeLabels[document.type]}</strong>
                {document.description && ` — ${document.description}`}: {record?.name ?? 'a document no longer listed'}
                {record?.pages != null && ` (${record.pages} ${record.pages === 1 ? 'page' : 'pages'})`}
              </li>
            );
          })}
        </ol>
        {review.docketTextPreview !== null && (
          <p className="docket-preview" data-testid="signed-docket-text">
            {review.docketTextPreview}
          </p>
        )}
      </div>
      <SessionLine session={session} onOpenAccounts={onOpenAccounts} />
      {signature ? (
        <p className="signature__status" data-testid="signature-status">
          Signed by <strong>{signature.name}</strong> ({signature.loginId}){signature.role && `, ${signature.role}`},{' '}
          {new Date(signature.signedAt).toLocaleString()}.
          {!signedHere && ` Only ${signature.loginId}'s own login can send it (FAQ 35).`}
        </p>
      ) : (
        mayFile && (
          <div className="signature__fields">
            <SignerFields
              name={name}
              role={role}
              nameHint="As the “/s/” signature reads; kept with your account."
              testIdPrefix="signature"
              onName={setName}
              onRole={setRole}
            />
          </div>
        )
      )}
      <label className={`choice${mayFile && review.canSubmit ? '' : ' choice--disabled'}`}>
        <input
          type="checkbox"
          data-testid="sign-checkbox"
          checked={signature !== null}
          disabled={!mayFile || (signature === null && !review.canSubmit)}
          onChange={(change) =>
            inBackground(
              'Signing the filing',
              change.target.checked ? sign(name.trim() || (account?.name ?? ''), role.trim()) : unsign(),
            )
          }
        />
        <span className="choice__text">
          <span>I sign this filing: my PACER login is my signature (FAQ 35).</span>
          <span className="choice__hint">
            Only the filing attorney ticks this, logged in with their own account. Any change to the case, event,
            parties, documents or docket text takes the signature back.
          </span>
        </span>
      </label>
    </section>
  );
}
