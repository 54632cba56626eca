import { documentsHeading, fieldLabels, isSectionHeading, regeneratedFooter } from './notice-labels';
import type { NoticeText } from './notice-text';
import type { DocumentStamp, NoticeAttachment } from './notice-types';
import { readDocumentLink } from './read-links';
import { toIsoDate } from './read-transaction';

const descriptionLabel = /^Document description:\s*/i;
const stampPattern =
  /\[STAMP\s+([A-Za-z]+?)Stamp_ID=(\d+)\s*\[Date=([\d/]+)\]\s*\[FileNumber=([\d-]+)\s*\]\s*\[([0-9a-f]+)\]\]/i;

/**
 * Reads the documents of the transaction: the "Document description:" entries of the list after
 * "The following document(s) are associated with this transaction" (docs/court-rules.md#notice-format, part 9), each
 * with its electronic document stamp, or the ACMS "Document:" links, which each carry their own free
 * look. Number `0` is the main document.
 */
export function readDocuments(text: NoticeText): NoticeAttachment[] {
  const acmsDocuments = readAcmsDocuments(text);
  if (acmsDocuments.length > 0) {
    return acmsDocuments;
  }
  const start = text.lines.findIndex((line) => documentsHeading.test(line));
  if (start < 0) {
    return [];
  }
  const entries: { description: string[]; stamp: string[] }[] = [];
  let part: 'description' | 'filename' | 'stamp' = 'description';
  for (const line of text.lines.slice(start + 1)) {
    if (isSectionHeading(line) || regeneratedFooter.test(line) || fieldLabels.caseName.test(line)) {
      break;
    }
    if (descriptionLabel.test(line)) {
      entries.push({ description: [line.replace(descriptionLabel, '')], stamp: [] });
      part = 'description';
      continue;
    }
    const entry = entries.at(-1);
    if (!entry) {
      continue;
    }
    if (/^Original filename:/i.test(line)) {
      part = 'filename';
    } else if (/^Electronic document\s*Stamp:/i.test(line)) {
      part = 'stamp';
    } else if (part === 'stamp') {
      entry.stamp.push(line.trim());
    } else if (part === 'description' && line !== '') {
      entry.description.push(line);
    }
  }
  return entries.map((entry, index) => ({
    number: String(index),
    description: entry.description.join(' ').replace(/\s+/g, ' ').trim(),
    documentUrl: null,
    docId: null,
    stamp: readStamp(entry.stamp.join('')),
  }));
}

function readAcmsDocuments(text: NoticeText): NoticeAttachment[] {
  const documents: NoticeAttachment[] = [];
  for (const link of text.links) {
    const line = text.lines[link.line] ?? '';
    if (!fieldLabels.acmsDocument.test(line)) {
      continue;
    }
    const parsed = readDocumentLink(link.href);
    if (!parsed) {
      continue;
    }
    documents.push({
      number: String(documents.length),
      description: link.text,
      documentUrl: link.href,
      docId: parsed.docId,
      stamp: null,
    });
  }
  return documents;
}

/** `[STAMP dcecfStamp_ID=1008691343 [Date=8/4/2022] [FileNumber=28116328-0] [<hash>]]`, rejoined where the notice wrapped it. */
function readStamp(text: string): DocumentStamp | null {
  const match = stampPattern.exec(text);
  if (!match) {
    return null;
  }
  return {
    kind: match[1] ?? '',
    stampId: match[2] ?? '',
    date: toIsoDate(match[3] ?? ''),
    fileNumber: match[4] ?? null,
    hash: match[5]?.toLowerCase() ?? null,
  };
}
