import type { PageField, PageForm, PageOutline } from '../html/read-page-outline';

/**
 * What CM/ECF's frame around a page says about the session (docs/court-pages.md#page-chrome): whether someone is
 * logged in, and whether the account may file. Read from what the page shows, as a person would read it: the menu
 * bar's entries, the Log Out link, the page's title.
 */
export interface CourtChrome {
  /** The page wears CM/ECF's frame: the menu bar (`div#topmenu`) or a title naming CM/ECF. */
  readonly isCmecf: boolean;
  /** The page offers CM/ECF's Log Out link (`login.pl?logout`): a session stands. */
  readonly isLoggedIn: boolean;
  /**
   * `filer` when the menu bar offers events to file (Civil, Criminal, Bankruptcy, Adversary); `viewer` when someone is
   * logged in without them (an account not linked for filing sees only Query, Reports, Utilities, Help, Log Out).
   */
  readonly account: 'filer' | 'viewer' | null;
  /** The event menus offered, as the menu bar names them (`CivilEvents`, `BankruptcyEvents`, …). */
  readonly eventMenus: readonly string[];
  /** The release the title names (`NG 1.7.1.1`, `v1.5.3`), or null. */
  readonly release: string | null;
}

/** `DisplayMenu.pl?CivilEvents`, `DisplayMenu.pl?BankruptcyEvents&id=…`: a menu of events to file. */
const eventMenu = /\/DisplayMenu\.pl\?(\w{1,40}Events)(?:&|$)/;

/** Reads CM/ECF's frame of a page (`readPageOutline`). */
export function readCourtChrome(page: PageOutline): CourtChrome {
  const isLoggedIn = page.links.some((link) => isLogoutLink(link.url));
  const eventMenus = [...new Set(page.menuLinks.flatMap((link) => eventMenu.exec(link.url)?.slice(1, 2) ?? []))];
  return {
    isCmecf: page.menuLinks.length > 0 || /\bCM\/ECF\b/.test(page.title),
    isLoggedIn,
    account: !isLoggedIn ? null : eventMenus.length > 0 ? 'filer' : 'viewer',
    eventMenus,
    release: /\b(NG \d+(?:\.\d+){0,3}|v\d+(?:\.\d+){1,3})\b/.exec(page.title)?.[1] ?? null,
  };
}

/**
 * A page that asks for a login: a password field, a form posting to CM/ECF's login.pl, or a heading or title saying
 * "PACER Login". The words alone elsewhere do not: a transaction receipt names the "PACER Login" that paid.
 */
export function isLoginPage(page: PageOutline): boolean {
  return (
    page.hasPasswordField ||
    page.postsToLogin ||
    [page.title, ...page.headings].some((heading) => /PACER Login/i.test(heading))
  );
}

/** `…/cgi-bin/login.pl?logout`. */
function isLogoutLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return /\/login\.pl$/i.test(parsed.pathname) && parsed.search.toLowerCase() === '?logout';
  } catch {
    return false;
  }
}

/** CM/ECF's case-number widget in a form: the number box, the hidden list of chosen case ids, the form's Next button. */
export interface CaseNumberWidget {
  readonly form: PageForm;
  readonly caseNumber: PageField;
  readonly caseIds: PageField;
  /** `button1`, the button every CM/ECF form goes on with ("Next", "Run Report"), if the form has one. */
  readonly next: PageField | null;
}

/** The case-number widget of a page: `input[name=case_num]` with a hidden `all_case_ids` in the same form. */
export function findCaseNumberWidget(page: PageOutline): CaseNumberWidget | null {
  for (const form of page.forms) {
    const caseNumber = form.fields.find((field) => field.name === 'case_num' && field.element === 'input');
    const caseIds = form.fields.find((field) => field.name === 'all_case_ids' && field.type === 'hidden');
    if (caseNumber && caseIds) {
      return { form, caseNumber, caseIds, next: nextButton(form) };
    }
  }
  return null;
}

/** The button a CM/ECF form goes on with: named `button1` (docs/court-pages.md#page-chrome). */
export function nextButton(form: PageForm): PageField | null {
  return (
    form.fields.find(
      (field) => field.name === 'button1' && (field.element === 'button' || /^(?:submit|button)$/.test(field.type)),
    ) ?? null
  );
}
