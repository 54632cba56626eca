import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { describePages, dictionaryOf, distinctPages, nameOf, textOf, valueOf } from '../dictionary-entries';

/**
 * Finds files carried inside the PDF: the /EmbeddedFiles name tree, /EmbeddedFile streams, file
 * specifications with /EF, FileAttachment annotations, /Collection portfolios and /AF associated files.
 * NextGen CM/ECF 1.8 rejects PDFs that "contain internal attachments" (docs/court-rules.md#what-cmecf-rejects).
 */
export function findEmbeddedFiles(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const fileNames = new Set<string>();
  let evidence = 0;
  for (const dictionary of census.dictionaries) {
    const type = nameOf(dictionary, 'Type');
    if (type === 'EmbeddedFile') {
      evidence += 1;
    }
    if (valueOf(dictionary, 'AF') !== undefined) {
      evidence += 1;
    }
    if (valueOf(dictionary, 'EF') !== undefined) {
      evidence += 1;
      const name = textOf(dictionary, 'UF') ?? textOf(dictionary, 'F');
      if (name !== null && name.trim() !== '') {
        fileNames.add(name);
      }
    }
  }
  const catalog = census.catalog;
  const names = catalog === null ? null : dictionaryOf(catalog, 'Names');
  if (names !== null && valueOf(names, 'EmbeddedFiles') !== undefined) {
    evidence += 1;
  }
  const isPortfolio = catalog !== null && valueOf(catalog, 'Collection') !== undefined;
  const attachmentPages = distinctPages(
    census.annotations
      .filter((annotation) => annotation.subtype === 'FileAttachment')
      .map((annotation) => annotation.page),
  );
  if (evidence === 0 && !isPortfolio && attachmentPages.length === 0) {
    return [];
  }

  const listed = [...fileNames].sort();
  return [
    {
      code: 'embedded-files',
      severity: 'block',
      message:
        `This PDF ${isPortfolio ? 'is a PDF portfolio and ' : ''}carries other files inside it` +
        `${listed.length > 0 ? ` (${listed.join(', ')})` : ''}` +
        `${attachmentPages.length > 0 ? `, attached on ${describePages(attachmentPages)}` : ''}. ` +
        'CM/ECF rejects PDFs that contain internal attachments (NextGen CM/ECF release 1.8). ' +
        'File each attached document as its own PDF attachment in CM/ECF instead; ECF Desk can make a clean copy of this PDF without the embedded files.',
      ...(attachmentPages.length > 0 ? { pages: attachmentPages } : {}),
      ...(listed.length > 0 ? { text: listed } : {}),
      fixes: ['clean-copy'],
    },
  ];
}
