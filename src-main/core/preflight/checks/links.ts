import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { distinctPages, nameOf, textOf } from '../dictionary-entries';

/**
 * Lists links to web sites (`/URI` actions). NextGen CM/ECF accepts hyperlinks to external web sites, so they
 * are reported for the record, not blocked (docs/court-rules.md#what-cmecf-rejects).
 */
export function findLinks(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const addresses = new Set<string>();
  const pages: number[] = [];
  for (const dictionary of census.dictionaries) {
    if (nameOf(dictionary, 'S') !== 'URI') {
      continue;
    }
    const address = textOf(dictionary, 'URI');
    if (address === null || address.trim() === '') {
      continue;
    }
    addresses.add(address.trim());
    const page = census.pageOfAction.get(dictionary);
    if (page !== undefined) {
      pages.push(page);
    }
  }
  if (addresses.size === 0) {
    return [];
  }
  const onPages = distinctPages(pages);
  return [
    {
      code: 'links',
      severity: 'info',
      message:
        `This PDF links to ${addresses.size === 1 ? 'a web address' : `${addresses.size} web addresses`}. ` +
        'CM/ECF accepts links to outside web sites; they are listed so you can confirm each one goes where you mean.',
      ...(onPages.length > 0 ? { pages: onPages } : {}),
      text: [...addresses],
    },
  ];
}
