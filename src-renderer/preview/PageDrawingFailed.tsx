/** A page that could not be drawn: which page, why, and Try again (styled by the screen it sits in). */
export function PageDrawingFailed({
  className,
  page,
  message,
  onTryAgain,
}: {
  readonly className: string;
  readonly page: number;
  readonly message: string;
  readonly onTryAgain: () => void;
}) {
  return (
    <div className={className} role="alert">
      <p>
        Page {page} could not be drawn. {message}
      </p>
      <button type="button" className="button button--small" onClick={onTryAgain}>
        Try again
      </button>
    </div>
  );
}
