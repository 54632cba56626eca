/** "Page 3" or "Pages 1, 2 and 5", for messages that name the pages a paralegal should open. */
export function formatPages(pages: readonly number[]): string {
  if (pages.length === 1) {
    return `Page ${pages[0]}`;
  }
  const shown =
    pages.length > 12 ? [...pages.slice(0, 10).map(String), `${pages.length - 10} more`] : pages.map(String);
  return `Pages ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
