import type { DocumentLink } from './notice-types';
import { decodeQueryPart } from '../../../shared/decode-query-part';

const documentPath = /\/(doc1|docs1)\/(\d+)/i;
const acmsDocumentPath = /\/NDA\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;

/** Whether a link opens a filed document (doc1, appellate docs1 or an ACMS NDA document), not a docket. */
export function isDocumentLink(url: string): boolean {
  return documentPath.test(url) || acmsDocumentPath.test(url);
}

/**
 * Reads the ids out of a free-look document link (docs/court-rules.md#notice-format):
 * `…/doc1/<docid>?caseid=…&de_seq_num=…&magic_num=…` (any parameter order),
 * `…/docs1/<docid>?uid=<hex>` (appellate) or `…/NDA/<guid>` (ACMS, where the GUID is the free look).
 */
export function readDocumentLink(url: string): DocumentLink | null {
  const acms = acmsDocumentPath.exec(url);
  if (acms) {
    return { url, docId: null, caseId: null, deSeqNum: null, magicNum: acms[1] ?? null };
  }
  const document = documentPath.exec(url);
  if (!document) {
    return null;
  }
  const parameters = readQuery(url);
  const isAppellate = document[1]?.toLowerCase() === 'docs1';
  return {
    url,
    docId: document[2] ?? null,
    caseId: presentValue(parameters.get('caseid')),
    deSeqNum: presentValue(parameters.get('de_seq_num')),
    magicNum: freeLookToken(isAppellate ? parameters.get('uid') : parameters.get('magic_num')),
  };
}

/** The PACER case id a docket link carries: `DktRpt.pl?<id>` or the appellate `TransportRoom…&caseId=<id>`. */
export function readCaseIdFromDocketLink(url: string): string | null {
  const districtDocket = /DktRpt\.pl\?(\d+)/i.exec(url);
  if (districtDocket) {
    return districtDocket[1] ?? null;
  }
  return presentValue(readQuery(url).get('caseid'));
}

/** Whether a link opens a case docket (district, appellate CM/ECF or ACMS). */
export function isDocketLink(url: string): boolean {
  return /DktRpt\.pl|DocketReportFilter|-showdoc\.azurewebsites\.us\/[\d-]+\/?$/i.test(url);
}

/** `magic_num=MAGIC` marks the secondary cases of a multi-case NEF: there is no free look to use. */
function freeLookToken(value: string | undefined): string | null {
  const token = presentValue(value);
  return token === null || token.toUpperCase() === 'MAGIC' ? null : token;
}

function presentValue(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Query parameters with lower-case names (CM/ECF writes both `caseid` and `caseId`). */
function readQuery(url: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const query = url.split('?')[1]?.split('#')[0] ?? '';
  for (const pair of query.split('&')) {
    const [name, ...rest] = pair.split('=');
    if (!name) {
      continue;
    }
    parameters.set(name.toLowerCase(), decodeQueryPart(rest.join('=')));
  }
  return parameters;
}
