import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { blockedActionType } from '../blocked-actions';
import { describePages, dictionaryOf, distinctPages, valueOf } from '../dictionary-entries';

/**
 * Finds JavaScript and actions that can launch programs, submit data or open other files, wherever they hang
 * (OpenAction, /AA, /A, the /Names JavaScript tree, outlines, annotations, form fields, /Next chains), by
 * looking at every parsed dictionary — object streams included — not at raw bytes
 * (docs/court-rules.md#external-actions; court FAQ 49: "contains code which may cause an external action").
 */
export function findActiveContent(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const counts = new Map<string, number>();
  const pages: number[] = [];
  for (const dictionary of census.dictionaries) {
    const type = blockedActionType(dictionary);
    if (type === null) {
      continue;
    }
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const page = census.pageOfAction.get(dictionary);
    if (page !== undefined) {
      pages.push(page);
    }
  }
  const names = census.catalog === null ? null : dictionaryOf(census.catalog, 'Names');
  const hasDocumentScripts = names !== null && valueOf(names, 'JavaScript') !== undefined;
  if (hasDocumentScripts && !counts.has('JavaScript')) {
    counts.set('JavaScript', 1);
  }
  if (counts.size === 0) {
    return [];
  }

  const kinds = [...counts.keys()].sort();
  const onPages = distinctPages(pages);
  const text = kinds.map((kind) => `${kind} (${counts.get(kind)})`);
  if (hasDocumentScripts) {
    text.push('document-level JavaScript that runs when the file is opened');
  }
  return [
    {
      code: 'active-content',
      severity: 'block',
      message:
        `This PDF contains active content (${kinds.join(', ')}): code or actions that can run a script, play media, launch a program, send data or open another file` +
        `${onPages.length > 0 ? ` (on ${describePages(onPages)}, and possibly elsewhere in the file)` : ''}. ` +
        'CM/ECF rejects such files: "Document is malformed or contains code which may cause an external action (such as launching an application). This PDF document cannot be accepted." (court FAQ 49). ' +
        'ECF Desk can make a clean copy without them; or do what the court suggests: print the file to the "Adobe PDF" printer in Adobe Acrobat at 300 dpi and add the printed copy.',
      ...(onPages.length > 0 ? { pages: onPages } : {}),
      text,
      fixes: ['clean-copy'],
    },
  ];
}
