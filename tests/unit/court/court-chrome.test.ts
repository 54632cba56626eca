import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCaseNumberWidget, readCourtChrome } from '../../../src-main/core/court/court-chrome';
import { readPageOutline } from '../../../src-main/core/html/read-page-outline';
import { sharedFixture } from '../../support/paths';

const pageUrl = 'https://ecf.example.uscourts.gov/cgi-bin/DktRpt.pl';

/** A real CM/ECF page from the shared fixtures, or null when they are absent. */
function realPage(name: string): string | null {
  const file = sharedFixture(`cmecf/${name}.html`);
  return file === null ? null : readFileSync(file, 'utf8');
}

const chromeOf = (html: string) => readCourtChrome(readPageOutline(html, pageUrl));

/** A NextGen page built in code: the menu bar with the given entries, then the main content. */
function nextGenPage(
  menu: readonly [string, string][],
  content: string,
  title = 'CM/ECF - Test (NG 1.8 - TRAIN)',
): string {
  const items = menu
    .map(
      ([href, label]) => `<li class="yuimenubaritem"><a class="yuimenubaritemlabel" href="${href}">${label}</a></li>`,
    )
    .join('\n');
  return `<head><title>${title}</title><script type="text/javascript">document.cookie = "PRTYPE=aty; path=/;"</script></head>
<body><div class="noprint"><div id="topmenu" class="yuimenubar"><div class="bd"><img id="cmecfLogo" alt="CM/ECF">
<ul class="first-of-type">${items}</ul></div></div></div>
<div id="cmecfMainContent"><input type="hidden" id="cmecfMainContentScroll" value="0">${content}</div></body>`;
}

const viewerMenu: [string, string][] = [
  ['/cgi-bin/iquery.pl', 'Query'],
  ['/cgi-bin/DisplayMenu.pl?Reports', 'Reports'],
  ['/cgi-bin/DisplayMenu.pl?Utilities', 'Utilities'],
  ["javascript: CMECF.MainMenu.showHelpPage('')", 'Help'],
  ['/cgi-bin/login.pl?logout', 'Log Out'],
];
const filerMenu: [string, string][] = [['/cgi-bin/DisplayMenu.pl?CivilEvents', 'Civil'], ...viewerMenu];

describe('CM/ECF frame of real pages', () => {
  const cases: [string, { eventMenus: string[]; release: string | null }][] = [
    [
      'nextgen-1.7.1.1_cacb_filer-chrome_select-a-case',
      { eventMenus: ['BankruptcyEvents', 'AdversaryEvents'], release: 'NG 1.7.1.1' },
    ],
    [
      'nextgen-1.5.3_wiwb_filer-chrome_docket',
      { eventMenus: ['BankruptcyEvents', 'AdversaryEvents'], release: 'v1.5.3' },
    ],
    [
      'district_njd_filer-menubar_CivilEvents_CriminalEvents',
      { eventMenus: ['CivilEvents', 'CriminalEvents'], release: null },
    ],
    ['district_mied_filer-menubar_history-query', { eventMenus: ['CivilEvents', 'CriminalEvents'], release: null }],
    [
      'bankruptcy_alsb_DktRpt-form_case-number-widget',
      { eventMenus: ['BankruptcyEvents', 'AdversaryEvents'], release: null },
    ],
  ];
  for (const [name, expected] of cases) {
    const html = realPage(name);
    it.skipIf(html === null)(`${name}: a logged-in filer`, () => {
      expect(chromeOf(html ?? '')).toEqual({ isCmecf: true, isLoggedIn: true, account: 'filer', ...expected });
    });
  }

  const login = realPage('legacy-currentgen-login_cand_please_log_in');
  it.skipIf(login === null)('a court login page: nobody logged in, no menu bar', () => {
    expect(chromeOf(login ?? '')).toMatchObject({ isLoggedIn: false, account: null, eventMenus: [] });
  });

  const widget = realPage('bankruptcy_alsb_DktRpt-form_case-number-widget');
  it.skipIf(widget === null)('the case-number widget of a served report form', () => {
    const found = findCaseNumberWidget(readPageOutline(widget ?? '', pageUrl));
    expect(found?.form).toMatchObject({
      action: '../cgi-bin/DktRpt.pl?707984093721955-L_1_0-1',
      method: 'POST',
      enctype: 'multipart/form-data',
    });
    expect(found?.caseNumber).toMatchObject({ id: 'case_number_text_area_0', type: 'text' });
    expect(found?.caseIds).toMatchObject({ id: 'all_case_ids', type: 'hidden' });
    expect(found?.next).toMatchObject({ name: 'button1', value: 'Run Report', type: 'button' });
  });

  it('the filer and viewer pages built in code, so the checks hold without the real ones', () => {
    expect(chromeOf(nextGenPage(filerMenu, '<h2>Civil Events</h2>'))).toEqual({
      isCmecf: true,
      isLoggedIn: true,
      account: 'filer',
      eventMenus: ['CivilEvents'],
      release: 'NG 1.8',
    });
    // An account not linked for filing: the same frame without an events menu.
    expect(chromeOf(nextGenPage(viewerMenu, '<h2>Query</h2>'))).toMatchObject({ isLoggedIn: true, account: 'viewer' });
    expect(
      chromeOf('<title>PACER Login</title><form action="/cgi-bin/login.pl"><input type="password"></form>'),
    ).toEqual({
      isCmecf: false,
      isLoggedIn: false,
      account: null,
      eventMenus: [],
      release: null,
    });
  });

  it('an events link outside the menu bar, or a logout look-alike, does not make a filer', () => {
    const page = nextGenPage(
      viewerMenu,
      '<a href="/cgi-bin/DisplayMenu.pl?CivilEvents">Civil</a><a href="/cgi-bin/login.pl?logoutx">x</a>',
    );
    expect(chromeOf(page)).toMatchObject({ account: 'viewer', eventMenus: [] });
    expect(chromeOf(nextGenPage([['/cgi-bin/login.pl?logout=1', 'Out']], ''))).toMatchObject({ isLoggedIn: false });
  });

  it('a widget needs both the number box and the hidden case ids, in one form', () => {
    const split = nextGenPage(
      filerMenu,
      '<form action="a"><input name="case_num"></form><form action="b"><input type="hidden" name="all_case_ids"></form>',
    );
    expect(findCaseNumberWidget(readPageOutline(split, pageUrl))).toBeNull();
    const whole = nextGenPage(
      filerMenu,
      '<form action="a" method="post"><input name="case_num"><input type="hidden" name="all_case_ids" value="">' +
        '<input type="submit" name="button1" value="Next"></form>',
    );
    expect(findCaseNumberWidget(readPageOutline(whole, pageUrl))?.next).toMatchObject({ value: 'Next' });
  });
});
