/** A paper going into a tray for the Filings screen (drawn like the shared icons: strokes on a 24-unit grid, decorative only). */
export function FilingIcon({ className = 'icon' }: { readonly className?: string }) {
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
      <path d="M7 3h10v9H7z" />
      <path d="M10 7h4" />
      <path d="M3 13h5l1.5 3h5l1.5-3h5v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" />
    </svg>
  );
}
