import { useId, useState, type KeyboardEvent } from 'react';

/** What the chips field needs: its label, the numbers, and what changing them does. */
export interface NumberChipsProps {
  readonly label: string;
  readonly hint: string;
  readonly numbers: readonly number[];
  readonly onChange: (numbers: number[]) => void;
}

/** Whole numbers from typed text: "12, 15 20" gives 12, 15 and 20. */
function numbersIn(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.replace(/^(no\.?|#)/i, ''))
    .filter((part) => /^\d+$/.test(part))
    .map(Number)
    .filter((number) => number > 0);
}

/** Docket numbers as chips: type a number and press Enter (or a comma) to add it; each chip has its own Remove button. */
export function NumberChips({ label, hint, numbers, onChange }: NumberChipsProps) {
  const [text, setText] = useState('');
  const id = useId();

  const commit = (): void => {
    const added = numbersIn(text).filter((number) => !numbers.includes(number));
    if (added.length > 0) {
      onChange([...numbers, ...added]);
    }
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && text === '' && numbers.length > 0) {
      onChange(numbers.slice(0, -1));
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="number-chips">
        <ul className="number-chips__list" aria-label={`${label}: chosen`}>
          {numbers.map((number) => (
            <li key={number} className="number-chips__chip" data-testid="related-number">
              No. {number}
              <button
                type="button"
                className="number-chips__remove"
                onClick={() => onChange(numbers.filter((each) => each !== number))}
              >
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">Remove document number {number}</span>
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          className="number-chips__input"
          inputMode="numeric"
          data-testid="related-input"
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
      </div>
      <span id={`${id}-hint`} className="field__hint">
        {hint}
      </span>
    </div>
  );
}
