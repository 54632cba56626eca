import { useId, useState } from 'react';
import type { Signer } from '../../../src-main/shared/filing';
import { signatureLine } from '../../../src-main/shared/filing-rules';

/** FAQ 35, Administrative Order 02-01: everyone who signed a stipulation, each shown as the "/s/ Name" that goes on it. */
export function SignersEditor({
  signers,
  onChange,
}: {
  readonly signers: readonly Signer[];
  readonly onChange: (signers: Signer[]) => void;
}) {
  const [name, setName] = useState('');
  const [firm, setFirm] = useState('');
  const id = useId();

  const add = (event: { preventDefault(): void }): void => {
    event.preventDefault();
    if (!name.trim()) {
      return;
    }
    onChange([...signers, { name: name.trim(), firm: firm.trim(), isFiler: signers.length === 0 }]);
    setName('');
    setFirm('');
  };
  const markFiler = (index: number): void =>
    onChange(signers.map((signer, at) => ({ ...signer, isFiler: at === index })));

  return (
    <section className="signers" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="wizard-step__group-title">
        Signers of the stipulation
      </h4>
      <p className="field__hint">
        Every attorney who signed it; each signature goes on the document as “/s/ Name”. Mark the filing attorney, whose
        login signs the filing.
      </p>
      {signers.length > 0 && (
        <ul className="signers__list">
          {signers.map((signer, index) => (
            <li key={`${signer.name}-${index}`} className="signers__signer" data-testid="signer">
              <span className="signers__line">{signatureLine(signer)}</span>
              {signer.firm && <span className="wizard-step__muted">{signer.firm}</span>}
              <label className="choice">
                <input type="radio" name={`${id}-filer`} checked={signer.isFiler} onChange={() => markFiler(index)} />
                <span>Filing attorney</span>
              </label>
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => onChange(signers.filter((_, at) => at !== index))}
              >
                Remove<span className="visually-hidden"> {signer.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="signers__add" role="group" aria-label="Add a signer">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className="field__input"
            data-testid="signer-name"
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && add(event)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-firm`}>
            Firm (optional)
          </label>
          <input
            id={`${id}-firm`}
            className="field__input"
            maxLength={120}
            value={firm}
            onChange={(event) => setFirm(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && add(event)}
          />
        </div>
        <button type="button" className="button" data-testid="add-signer" onClick={add}>
          Add signer
        </button>
      </div>
    </section>
  );
}
