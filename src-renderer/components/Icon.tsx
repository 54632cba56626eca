import type { ReactElement } from 'react';

/** The names of the app's icons. */
export type IconName =
  | 'document'
  | 'upload'
  | 'download'
  | 'check'
  | 'error'
  | 'warning'
  | 'close'
  | 'help'
  | 'inbox'
  | 'settings'
  | 'lock'
  | 'account'
  | 'filing'
  | 'docket';

// Drawn on a 24-unit grid with strokes, so every icon takes the text colour around it.
const shapes: Record<IconName, ReactElement> = {
  // A person's outline (the Accounts screen).
  account: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 20a8 8 0 0 1 16 0" />
    </>
  ),
  // A list of entries with a date marker (the firm docket).
  docket: (
    <>
      <path d="M4 5h3" />
      <path d="M10 5h10" />
      <path d="M4 12h3" />
      <path d="M10 12h10" />
      <path d="M4 19h3" />
      <path d="M10 19h10" />
    </>
  ),
  // A paper going into a tray (the Filings screen).
  filing: (
    <>
      <path d="M7 3h10v9H7z" />
      <path d="M10 7h4" />
      <path d="M3 13h5l1.5 3h5l1.5-3h5v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    </>
  ),
  document: (
    <>
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5" />
    </>
  ),
  upload: (
    <>
      <path d="M12 16V4" />
      <path d="m7 9 5-5 5 5" />
      <path d="M4 16v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
    </>
  ),
  download: (
    <>
      <path d="M12 4v12" />
      <path d="m7 11 5 5 5-5" />
      <path d="M4 16v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" />
    </>
  ),
  help: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6" />
      <path d="M12 17h.01" />
    </>
  ),
  check: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m8 12.5 2.5 2.5L16 9.5" />
    </>
  ),
  error: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5" />
      <path d="M12 16.5v.01" />
    </>
  ),
  warning: (
    <>
      <path d="M10.3 4.2 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4.2a2 2 0 0 0-3.4 0z" />
      <path d="M12 9.5v4" />
      <path d="M12 17v.01" />
    </>
  ),
  inbox: (
    <>
      <path d="M4 13h4l1.5 3h5l1.5-3h4" />
      <path d="M6.2 5h11.6a1 1 0 0 1 .9.6L21 13v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5l2.3-7.4a1 1 0 0 1 .9-.6z" />
    </>
  ),
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <circle cx="12" cy="12" r="6.5" />
      <path d="M12 2.5v2.5M12 19v2.5M2.5 12H5M19 12h2.5M5.3 5.3l1.8 1.8M16.9 16.9l1.8 1.8M18.7 5.3l-1.8 1.8M7.1 16.9l-1.8 1.8" />
    </>
  ),
  lock: (
    <>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </>
  ),
  close: (
    <>
      <path d="M6 6l12 12" />
      <path d="M18 6 6 18" />
    </>
  ),
};

/** A decorative icon; the words beside it carry the meaning, so screen readers skip it. */
export function Icon({ name, className = 'icon' }: { readonly name: IconName; readonly className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[name]}
    </svg>
  );
}
