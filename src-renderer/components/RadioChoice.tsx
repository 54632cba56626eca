import type { InputHTMLAttributes, ReactNode } from 'react';

/** One radio button of a group, with its label and a hint under it (the `choice` look of the app's forms). */
export function RadioChoice({
  label,
  hint,
  ...input
}: { readonly label: ReactNode; readonly hint: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <label className="choice">
      <input type="radio" {...input} />
      <span className="choice__text">
        <span>{label}</span>
        <span className="choice__hint">{hint}</span>
      </span>
    </label>
  );
}
