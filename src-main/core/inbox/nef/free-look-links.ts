import type { NoticeDocket, ParsedNotice } from './notice-types';

/** One link of a notice a free look could follow, with the docket entry it opens a document of. */
export interface FreeLookLink {
  readonly url: string;
  /** The docket the link belongs to: its own for a docket's link, the first docket for a document's own (ACMS) link. */
  readonly docket: NoticeDocket | null;
}

/**
 * Every link of a notice a free look could follow, each once: each docket's document link, then each document's own
 * (ACMS). The desktop's inbox and the firm server both check these with the URL gate before anything is stored.
 */
export function freeLookLinks(notice: ParsedNotice): FreeLookLink[] {
  const first = notice.dockets[0] ?? null;
  const candidates = [
    ...notice.dockets.map((docket) => ({ url: docket.documentUrl, docket })),
    ...notice.attachments.map((attachment) => ({ url: attachment.documentUrl, docket: first })),
  ];
  const seen = new Set<string>();
  const links: FreeLookLink[] = [];
  for (const { url, docket } of candidates) {
    if (url !== null && !seen.has(url)) {
      seen.add(url);
      links.push({ url, docket });
    }
  }
  return links;
}
