import type { CourtProfileId } from '../../shared/domain';

/**
 * Everything court-specific about the court's reports, as data: where they are and how to read them (the filing
 * transaction's screens are in the court's page map, `page-map.ts`). The training court's profile is tested end to end; a real court's would be filled in against
 * that court's training database, which cannot be reached from here.
 */
export interface FilingProfile {
  readonly paths: {
    readonly findCases: string;
    readonly parties: string;
    readonly docket: string;
  };
  readonly fields: {
    /** The training court's search by caption words (CM/ECF's own lookup, `possible_case_numbers.pl`, takes a number). */
    readonly captionQuery: string;
  };
  /**
   * How pages are read (regular expressions with one capture group where a value is taken). Each must run in time
   * linear in the page: no unbounded run that can be retried from many starting points over the same text.
   */
  readonly pages: {
    readonly finalDocketText: RegExp;
    readonly partyRow: RegExp;
    readonly docketRow: RegExp;
    readonly receiptDocumentNumber: RegExp;
    readonly receiptDeSeqNum: RegExp;
    /** The case the receipt names: its id and its number (how a new action learns the case the court opened). */
    readonly receiptCaseId: RegExp;
    readonly receiptCaseNumber: RegExp;
  };
}

/** The training court's filing surface (src-main/training-court). */
export const trainingCourtFilingProfile: FilingProfile = {
  paths: {
    findCases: '/cgi-bin/possible_case_numbers.pl',
    parties: '/cgi-bin/qryParties.pl',
    docket: '/cgi-bin/DktRpt.pl',
  },
  fields: {
    captionQuery: 'caption',
  },
  pages: {
    finalDocketText: /<div id="docket-text">([^<]*)<\/div>/,
    // Id, e-service, name, role, the counsel of record (names as CM/ECF prints them, "Walsh, Thomas", separated by
    // semicolons; at most 1,000 characters), then the service cell and, for a party served by other means, its mailing
    // address (at most 500 characters: a longer cell is not read as an address).
    partyRow:
      /<tr class="party" data-party-id="([^"]+)" data-e-service="(yes|no)"><td>([^<]*)<\/td><td>([^<]*)<\/td>(?:<td class="counsel">([^<]{0,1000})<\/td>)?(?:<td>[^<]*<\/td><td class="address">([^<]{1,500})<\/td>)?/g,
    docketRow:
      /<tr class="entry" data-de-seq-num="(\d+)"><td>[^<]*<\/td><td>(?:<a [^>]*>)?(\d*)(?:<\/a>)?<\/td><td>([^<]*)<\/td><\/tr>/g,
    // The number's link follows its label within a few hundred characters; an unbounded gap would be quadratic.
    receiptDocumentNumber: /Document Number:[\s\S]{0,1000}?>(\d+)<\/a>/,
    receiptDeSeqNum: /de_seq_num=(\d+)/,
    receiptCaseId: /DktRpt\.pl\?(\d+)/,
    // The link's attributes are bounded, as above: the number is the link's text.
    receiptCaseNumber: /Case Number:<\/strong><\/td><td><A [^>]{0,2000}>([^<]{1,100})<\/A>/,
  },
};

/** The filing profile of a court profile; null where filing is not available (the real CIT: untestable here). */
export function filingProfileOf(courtProfile: CourtProfileId): FilingProfile | null {
  return courtProfile === 'cit-training' ? trainingCourtFilingProfile : null;
}
