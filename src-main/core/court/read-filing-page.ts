import type { CourtProfileId } from '../../shared/domain';
import type { CaseParty, CourtCase } from '../../shared/filing';
import { decodeEntities } from '../html/decode-entities';
import { readPageOutline, type PageForm, type PageLink } from '../html/read-page-outline';
import { readCaseNumberLookup } from './case-number-lookup';
import { isLoginPage, nextButton } from './court-chrome';
import { pageMapOf, recognisePage, type FilingStep, type PageMap } from './page-map';
import { redactCourtPage } from './redact-court-page';
import { filingProfileOf } from './filing-profile';

/** A docket entry as the docket report lists it. */
export interface DocketLine {
  readonly deSeqNum: number;
  readonly documentNumber: number | null;
  readonly docketText: string;
}

/** Everything the filing driver reads from one of the court's pages, as plain data (a page answers only some of it). */
export interface FilingPage {
  /**
   * What the page shows it is: `login` (a login form, or the lookup's "Not logged in"), `nef-receipt` (the Notice of
   * Electronic Filing shown after a submit), or null.
   */
  readonly kind: 'login' | 'nef-receipt' | null;
  /** The step of a filing whose page this is, by the court's page map (`page-map.ts`), or null. */
  readonly recognisedAs: FilingStep | null;
  /**
   * When the page is not the one a filing expected (and neither a login nor the court's refusal): a copy of it with
   * passwords, tokens, cookies and case data removed (`redactCourtPage`), to show why the filing stopped.
   */
  readonly pageCopy: string | null;
  /** The court's own words when it refused a step, or null. */
  readonly error: string | null;
  /** The page's own heading (its first), or its title: what a person would call it. */
  readonly heading: string;
  /** The form a person fills in to go on: the first with CM/ECF's Next button (`button1`), or null. */
  readonly form: PageForm | null;
  /** The page's links, resolved against the court's address (a menu of categories is a list of links). */
  readonly links: readonly PageLink[];
  /** The docket text exactly as the court will enter it (the final-text page). */
  readonly finalDocketText: string | null;
  readonly cases: readonly CourtCase[];
  readonly parties: readonly CaseParty[];
  readonly docket: readonly DocketLine[];
  readonly receipt: {
    readonly deSeqNum: number | null;
    readonly documentNumber: number | null;
    /** The case the receipt names: a new action learns its case from it. */
    readonly caseId: number | null;
    readonly caseNumber: string | null;
  };
}

/**
 * What a filing expects a page to be: one of these steps (none: a copy of the page is wanted whatever it is), and the
 * case data a copy of any other page must not keep.
 */
export interface ExpectedPage {
  readonly steps: readonly FilingStep[];
  readonly caseData: readonly string[];
  /** The page map the filing goes by, when it is not the one shipped for the profile (one loaded from a file). */
  readonly map?: PageMap;
}

/** Reads a court's filing page in a child process in the app (`IsolatedReaders.readFilingPage`: court pages are hostile input). */
export type FilingPageReader = (
  profileId: CourtProfileId,
  html: string,
  expected?: ExpectedPage,
) => Promise<FilingPage>;

/**
 * The address a page's links and form actions are resolved against: the court's own, whatever it is. The driver
 * follows only those that stay on it (a link to another host is never followed).
 */
export const pageAddress = 'https://court.invalid/';

/** The longest mailing address kept for a party (`caseParty` in shared/filing.ts). */
const maxAddressLength = 500;

/** The most counsel of record kept for one party (`caseParty` in shared/filing.ts). */
const maxCounsel = 50;

/** A party's counsel of record from the cell that lists them, one name between semicolons; none for a party without. */
function counselOf(cell: string): string[] {
  return cell
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .slice(0, maxCounsel);
}

/** A page with nothing in it: what a page of another court, or of no known profile, reads as. */
const nothing: FilingPage = {
  kind: null,
  recognisedAs: null,
  pageCopy: null,
  error: null,
  heading: '',
  form: null,
  links: [],
  finalDocketText: null,
  cases: [],
  parties: [],
  docket: [],
  receipt: { deSeqNum: null, documentNumber: null, caseId: null, caseNumber: null },
};

/**
 * Reads a page of the court's filing surface by the court's filing profile (`filing-profile.ts`): every pattern the
 * profile names, each linear in the page, once. The profile is looked up by its id, so the patterns never travel.
 */
export function readFilingPage(profileId: CourtProfileId, html: string, expected?: ExpectedPage): FilingPage {
  const profile = filingProfileOf(profileId);
  const map = expected?.map ?? pageMapOf(profileId);
  if (!profile || !map) {
    return nothing;
  }
  const { pages } = profile;
  const first = (pattern: RegExp): string | null => pattern.exec(html)?.[1] ?? null;
  // What a person would see: the words, the forms, CM/ECF's error layout (the address only resolves links).
  const outline = readPageOutline(html, pageAddress);
  const finalDocketText = first(pages.finalDocketText);
  const number = (value: string | undefined): number | null => (value ? Number(value) : null);
  const deSeqNum = Number(first(pages.receiptDeSeqNum) ?? Number.NaN);
  const receiptCaseNumber = first(pages.receiptCaseNumber);
  // The case-number lookup answers in CM/ECF's own XML, read as CM/ECF writes it (case-number-lookup.ts).
  const lookup = readCaseNumberLookup(html);
  const recognisedAs = recognisePage(map, outline);
  const isLogin = lookup.kind === 'not-logged-in' || isLoginPage(outline);
  const error =
    lookup.kind === 'sealed'
      ? `The court answers "${lookup.message}": a sealed case cannot be looked up here. Ask the Clerk's Office how to file in it.`
      : outline.errorText;
  const isUnexpected =
    expected !== undefined &&
    (recognisedAs === null || !expected.steps.includes(recognisedAs)) &&
    !isLogin &&
    error === null;
  return {
    kind: isLogin ? 'login' : recognisedAs === 'receipt' ? 'nef-receipt' : null,
    recognisedAs,
    pageCopy: isUnexpected ? redactCourtPage(html, expected.caseData) : null,
    error,
    heading: (outline.headings[0] ?? outline.title).trim().slice(0, 200),
    form: outline.forms.find((form) => nextButton(form) !== null) ?? null,
    links: outline.links,
    finalDocketText: finalDocketText === null ? null : decodeEntities(finalDocketText),
    cases: lookup.kind === 'cases' ? [...lookup.cases] : [],
    parties: [...html.matchAll(pages.partyRow)].map((match) => ({
      id: decodeEntities(match[1] ?? ''),
      isServedElectronically: match[2] === 'yes',
      name: decodeEntities(match[3] ?? ''),
      role: decodeEntities(match[4] ?? ''),
      ...(match[5] === undefined ? {} : { counsel: counselOf(decodeEntities(match[5])) }),
      ...(match[6] ? { address: decodeEntities(match[6]).slice(0, maxAddressLength) } : {}),
    })),
    docket: [...html.matchAll(pages.docketRow)].map((match) => ({
      deSeqNum: Number(match[1]),
      documentNumber: number(match[2]),
      docketText: decodeEntities(match[3] ?? ''),
    })),
    receipt: {
      deSeqNum: Number.isInteger(deSeqNum) ? deSeqNum : null,
      documentNumber: number(first(pages.receiptDocumentNumber) ?? undefined),
      caseId: number(first(pages.receiptCaseId) ?? undefined),
      caseNumber: receiptCaseNumber === null ? null : decodeEntities(receiptCaseNumber).trim(),
    },
  };
}
