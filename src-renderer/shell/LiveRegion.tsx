/** Reads a sentence to screen-reader users without moving their focus (progress, completion, undo). */
export function LiveRegion({ message }: { readonly message: string }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
