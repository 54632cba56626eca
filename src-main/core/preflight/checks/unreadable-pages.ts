import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { readPageContents } from '../content/page-content';
import { countUndecodableContentStreams } from '../content/stream-bytes';
import { describePages } from '../dictionary-entries';

const recreate =
  'Re-create the PDF the way the court suggests: open it in Adobe Acrobat, choose File, then Print, print it to the "Adobe PDF" printer at 300 dpi, and add the new file.';

/**
 * Pages whose content could not be read, so the content checks passed over them: what such a page shows in a
 * viewer — text under a black box included — went unchecked, and a damaged page is what CM/ECF rejects as
 * malformed (court FAQ 49). Blocks, naming the pages. A page whose content stream does not decode (compressed
 * data that does not decompress, a filter no reader can undo) is damaged the same way: the one page pass notes
 * such streams as it meets them (content/stream-bytes.ts), so nothing is decoded twice. A clean copy would carry
 * the same damaged data, so the way out is to re-create the PDF.
 */
export function findUnreadablePages(pdf: InspectedPdf): Finding[] {
  if (!pdf.document) {
    return [];
  }
  const contents = readPageContents(pdf.document);
  const findings: Finding[] = [];
  const pages = contents.filter((content) => !content.isReadable).map((content) => content.pageNumber);
  if (pages.length > 0) {
    const these = pages.length === 1 ? 'that page' : 'those pages';
    findings.push({
      code: 'malformed',
      severity: 'block',
      message:
        `ECF Desk could not read what ${describePages(pages)} ${pages.length === 1 ? 'shows' : 'show'}, so it could not check ${these} for text under black boxes or for scans. ` +
        `Other programs may still show ${these}, with whatever ${pages.length === 1 ? 'it holds' : 'they hold'}, and CM/ECF rejects damaged files as malformed (court FAQ 49). ` +
        recreate,
      pages,
    });
  }
  const streams = countUndecodableContentStreams(pdf.document.context);
  if (streams > 0) {
    findings.push(
      undecodableContent(
        streams,
        contents.filter((content) => content.hasUndecodableContent).map((content) => content.pageNumber),
      ),
    );
  }
  return findings;
}

function undecodableContent(streams: number, pages: readonly number[]): Finding {
  const what =
    streams === 1
      ? '1 content stream (the data that draws a page) does not decode'
      : `${streams.toLocaleString('en-US')} content streams (the data that draws a page) do not decode`;
  const where = pages.length === 0 ? '' : ` (ECF Desk met ${streams === 1 ? 'it' : 'them'} on ${describePages(pages)})`;
  return {
    code: 'malformed',
    severity: 'block',
    message:
      `This PDF is damaged: ${what}${where}, so ECF Desk could not check what ${streams === 1 ? 'it draws' : 'they draw'} for text under black boxes or for scans, ` +
      'and programs that open the file show a blank or partial page there, or refuse the page. CM/ECF rejects damaged files as malformed (court FAQ 49). ' +
      `A clean copy would carry the same damaged data. ${recreate} If someone sent it to you, ask them for a new copy.`,
    ...(pages.length > 0 ? { pages: [...pages] } : {}),
    text: [what],
  };
}
