import { useId, type Ref } from 'react';
import './fields.css';

/** What a filer must acknowledge before the login sends the redaction flag, and the box that says so. */
export interface RedactionAcknowledgementProps {
  readonly isAcknowledged: boolean;
  readonly error: string | null;
  readonly onChange: (isAcknowledged: boolean) => void;
  readonly ref?: Ref<HTMLInputElement>;
}

/** Rule 5.2's redaction duties in plain words (the court will not log a filer in without this), and FAQ 35: the password is the filer's signature. */
export function RedactionAcknowledgement({ isAcknowledged, error, onChange, ref }: RedactionAcknowledgementProps) {
  const rulesId = useId();
  const errorId = useId();
  return (
    <fieldset className="choices redaction" data-testid="redaction-acknowledgement">
      <legend className="choices__legend">Before you file: Rule 5.2</legend>
      <div id={rulesId} className="redaction__rules">
        <p>In everything you file, leave out or shorten personal details:</p>
        <ul>
          <li>Social Security and taxpayer numbers: only the last four digits.</li>
          <li>Birth dates: only the year.</li>
          <li>Names of minors: only the initials.</li>
          <li>Financial account numbers: only the last four digits.</li>
        </ul>
        <p>Your login and password are your signature on every filing (FAQ 35). Do not let anyone else use them.</p>
      </div>
      <label className="choice">
        <input
          ref={ref}
          type="checkbox"
          checked={isAcknowledged}
          aria-describedby={error ? `${rulesId} ${errorId}` : rulesId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        I have read the redaction rules and will follow them
      </label>
      {error && (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
