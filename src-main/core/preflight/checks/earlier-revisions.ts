import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';

/**
 * Finds incremental updates: edits appended to the file leave every earlier version inside it, and text
 * deleted or covered later can be recovered from them (court FAQ 45; docs/court-rules.md#clean-copies). A linearized
 * ("fast web view") file's extra first-page section is not counted: it is one version written in two parts.
 */
export function findEarlierRevisions(pdf: InspectedPdf): Finding[] {
  const { revisions } = pdf.structure;
  if (revisions <= 1) {
    return [];
  }
  const earlier = revisions - 1;
  return [
    {
      code: 'earlier-revisions',
      severity: 'warn',
      message:
        `This PDF was changed after it was first saved, and it still holds ${earlier === 1 ? 'the earlier version' : `${earlier} earlier versions`} of itself. ` +
        'Anything deleted, replaced or covered in a later edit — including text you redacted — can be recovered from an earlier version or from objects the later edit left behind. ' +
        'Courts warn that prior revisions can undo a redaction. Make a clean copy that keeps only the final version (ECF Desk can) and file that.',
      text: [`${revisions} saved versions in one file`],
      fixes: ['clean-copy'],
    },
  ];
}
