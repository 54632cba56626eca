import { useId, type InputHTMLAttributes, type Ref } from 'react';
import './fields.css';

/** A labelled text field with an optional hint, a count and an error, each read out with the field. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  readonly label: string;
  readonly hint?: string;
  /** How much of a length limit is used, shown above the field's end ("5/32") and read as "5 of 32 characters". */
  readonly counter?: { readonly used: number; readonly max: number };
  readonly error?: string | null;
  readonly ref?: Ref<HTMLInputElement>;
}

/** A text, password or code field for the accounts dialogs. */
export function TextField({ label, hint, counter, error, ref, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, counter && counterId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <span className="field__top">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {counter && (
          <span id={counterId} className="field__counter" data-invalid={error ? 'true' : undefined}>
            <span aria-hidden="true">
              {counter.used}/{counter.max}
            </span>
            <span className="visually-hidden">
              {counter.used} of {counter.max} characters
            </span>
          </span>
        )}
      </span>
      <input
        ref={ref}
        id={id}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
