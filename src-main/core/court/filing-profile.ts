import type { CourtProfileId } from '../../shared/domain';

/**
 * Everything court-specific about filing, as data: the addresses of each step, the form fields, and how to read
 * the court's pages. The training court's profile is tested end to end; a real court's would be filled in against
 * that court's training database, which cannot be reached from here.
 */
export interface FilingProfile {
  readonly paths: {
    readonly findCases: string;
    readonly parties: string;
    readonly docket: string;
    readonly start: string;
    /** `{filingId}` and `{step}` are filled in; steps are parties, documents, related, docket-text, submit. */
    readonly step: string;
    /** Where a filing that opens a new action starts instead (USCIT Rule 3(a)): no case yet. */
    readonly newAction: string;
  };
  readonly fields: {
    readonly caseId: string;
    /** The training court's search by caption words (CM/ECF's own lookup, `possible_case_numbers.pl`, takes a number). */
    readonly captionQuery: string;
    readonly event: string;
    readonly party: string;
    readonly mainDocument: string;
    readonly attachment: string;
    readonly attachmentDescription: string;
    readonly related: string;
    readonly annotation: string;
    /** A new action's caption and its parties, each party as an id, a name and a role in step. */
    readonly caption: string;
    readonly newPartyId: string;
    readonly newPartyName: string;
    readonly newPartyRole: string;
    /** The complaint filed with the summons, uploaded on its own (USCIT Rule 3(a)). */
    readonly complaintDocument: string;
  };
  /**
   * How pages are read (regular expressions with one capture group where a value is taken). Each must run in time
   * linear in the page: no unbounded run that can be retried from many starting points over the same text.
   */
  readonly pages: {
    readonly filingId: RegExp;
    readonly finalDocketText: RegExp;
    /** Related-document choices: value (de_seq_num) and document number. */
    readonly relatedChoice: RegExp;
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
    start: '/cgi-bin/filing/start',
    step: '/cgi-bin/filing/{filingId}/{step}',
    newAction: '/cgi-bin/filing/new-action',
  },
  fields: {
    caseId: 'caseid',
    captionQuery: 'caption',
    event: 'event',
    party: 'party',
    mainDocument: 'main_document',
    attachment: 'attachment',
    attachmentDescription: 'attachment_description',
    related: 'related',
    annotation: 'annotation',
    caption: 'caption',
    newPartyId: 'party_id',
    newPartyName: 'party_name',
    newPartyRole: 'party_role',
    complaintDocument: 'complaint_document',
  },
  pages: {
    filingId: /name="filing_id" value="([0-9a-f]+)"/,
    finalDocketText: /<div id="docket-text">([^<]*)<\/div>/,
    relatedChoice: /name="related" value="(\d+)"> (\d*) /g,
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
