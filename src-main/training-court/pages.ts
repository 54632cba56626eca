import type { CourtCaseRecord, DocketEntryRecord, DocumentRecord } from './court-records';
import { formatDollars } from './fees';
import { escapeHtml } from './mail/html-text';
import { caseNumberWithJudges, type SeedParty } from './seed';

import type { AccountKind } from './seed';

// The training court's HTML pages, in CM/ECF NextGen's frame (docs/court-pages.md#page-chrome): the menu bar a
// logged-in account sees, the main content area, CM/ECF's error layout. No page names itself for a client's
// benefit: a client tells a receipt from a login page by what the page shows, as it must at a real court.

/** What a page shows inside CM/ECF's frame: its heading (none on an error page) and its content. */
export interface PageContent {
  readonly heading: string | null;
  readonly body: string;
}

/** The release and database the training court's titles name, in NextGen's form ("NG 1.7.1.1 - LIVE"). */
export const courtTitle = 'CM/ECF - U.S. Court of International Trade (NG 1.8 - TRAINING)';

/** What a page says, inside the frame. */
export function page(heading: string | null, body: string): PageContent {
  return { heading, body };
}

/**
 * The menu bar of a logged-in account, as NextGen serves it: the events menu only for an account that may file
 * (one not linked for filing sees Query, Reports, Utilities, Search, Help and Log Out).
 */
function menuBar(account: AccountKind): string {
  const entries: [string, string][] = [
    ...(account === 'view-only' ? [] : ([['/cgi-bin/DisplayMenu.pl?CivilEvents', 'Civil']] as [string, string][])),
    ['/cgi-bin/iquery.pl', 'Query'],
    ['/cgi-bin/DisplayMenu.pl?Reports', 'Reports'],
    ['/cgi-bin/DisplayMenu.pl?Utilities', 'Utilities'],
    ['javascript: CMECF.MainMenu.searchPrompt();', 'Search'],
    ['/cgi-bin/DisplayMenu.pl?Help', 'Help'],
    ['/cgi-bin/login.pl?logout', 'Log Out'],
  ];
  const items = entries
    .map(
      ([href, label]) =>
        `<li class="yuimenubaritem"><a class="yuimenubaritemlabel" href="${escapeHtml(href)}">${label}</a></li>`,
    )
    .join('\n');
  return `<div class="noprint"><div id="topmenu" class="yuimenubar"><div class="bd">
<img id="cmecfLogo" class="cmecfLogo" src="/graphics/logo-cmecf-sm.png" alt="CM/ECF" title="">
<ul class="first-of-type">
${items}
</ul></div><hr class="hrmenuseparator"></div></div>`;
}

/** A whole page: the frame for `account` (none when nobody is logged in), then the content. */
export function renderPage(content: PageContent, account: AccountKind | null): string {
  const script =
    account === null
      ? ''
      : `<script type="text/javascript">document.cookie = "PRTYPE=${account === 'view-only' ? 'web' : 'aty'}; path=/;"</script>`;
  const heading = content.heading === null ? '' : `<h2 align="center">${escapeHtml(content.heading)}</h2>\n`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${courtTitle}</title>${script}
<style>body{font:14px/1.4 Arial,sans-serif;margin:0;color:#1b1b1b}#topmenu ul{list-style:none;margin:0;padding:6px 12px;background:#e8ecf3;display:flex;gap:18px}#topmenu img{display:none}#cmecfMainContent{margin:16px 24px}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;vertical-align:top}form label{display:block;margin:6px 0}iframe#document{width:100%;height:calc(100vh - 120px);border:1px solid #bbb}</style></head>
<body>${account === null ? '' : menuBar(account)}
<div id="cmecfMainContent"><input type="hidden" id="cmecfMainContentScroll" value="0">
${heading}${content.body}
</div>
</body></html>`;
}

const timeInEastern = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  month: 'numeric',
  day: 'numeric',
  year: 'numeric',
});

/** M/D/YYYY in Eastern time, as CM/ECF prints dates. */
export function easternDate(at: number): string {
  return timeInEastern.format(new Date(at));
}

/** A refusal, in the court's words and CM/ECF's error layout: the message in bold, then a Back button. */
export function errorPage(message: string): PageContent {
  return page(
    null,
    `<b>${escapeHtml(message)}</b>\n<p><input type="button" value="Back" onclick="history.back()"></p>`,
  );
}

/**
 * A page of the court's own in the middle of a filing, which a client built for the usual pages has not seen: a notice
 * to filers with its own Next button (the training court's "unexpected page" fault).
 */
export function noticeToFilersPage(): PageContent {
  return page(
    'Notice to Filers',
    `<p>The Court has amended its Administrative Order on electronic filing. Read the order before you continue.</p>
<form method="post" enctype="multipart/form-data" action="/cgi-bin/DisplayMenu.pl?CivilEvents">
<label><input type="checkbox" name="acknowledge" value="1"> I have read the amended order.</label>
<input type="submit" name="button1" value="Next"></form>`,
  );
}

/** FAQ 47: the court's system could not complete the request. */
export function internalErrorPage(): PageContent {
  return errorPage('Internal Server Error: the CM/ECF system is unable to complete your request.');
}

/** The login page CM/ECF shows when a document or report needs a PACER login. */
export function loginPage(reason: string, returnTo: string): PageContent {
  return page(
    'PACER Login',
    `<p id="login-reason">${escapeHtml(reason)}</p>
<form method="post" action="/cgi-bin/login.pl"><input type="hidden" name="return_to" value="${escapeHtml(returnTo)}">
<label>Username <input name="loginId" autocomplete="username"></label> <label>Password <input type="password" name="password" autocomplete="current-password"></label>
<label>One-time passcode <input name="otpCode" inputmode="numeric"></label> <label>Client code <input name="clientCode" maxlength="32"></label>
<label><input type="checkbox" name="redactFlag" value="1"> I understand that, if I file, I must comply with the redaction rules.</label>
<button type="submit">Login</button></form>`,
  );
}

/** What CM/ECF's login page shows a logged-in user: a logout link (how clients check a session still stands). */
export function loggedInPage(loginId: string): PageContent {
  return page(
    'Logged in',
    `<p id="logged-in-as">Logged in as ${escapeHtml(loginId)}.</p><p><a href="/cgi-bin/login.pl?logout">Log out</a></p>`,
  );
}

/** The "verify free look use" page (the per-address option; skipped with `use_magic=1`). */
export function confirmFreeLookPage(continueUrl: string): PageContent {
  return page(
    'Verify Free Look',
    `<p>You are about to use your one free look at this document. The link will not be free again.</p><p><a id="continue" href="${escapeHtml(continueUrl)}">View Document</a></p>`,
  );
}

/** The entry's document selection menu (main document and attachments). */
export function selectionPage(entry: DocketEntryRecord, linkFor: (document: DocumentRecord) => string): PageContent {
  const rows = entry.documents
    .map(
      (document) =>
        `<tr><td><a href="${escapeHtml(linkFor(document))}">${document.position === 0 ? 'Main Document' : document.position}</a></td><td>${escapeHtml(document.description)}</td><td>${document.pages} page(s)</td></tr>`,
    )
    .join('\n');
  return page(
    'Document Selection Menu',
    `<p>Document Number ${entry.documentNumber ?? ''}</p><table id="documents">${rows}</table>`,
  );
}

/** A free look delivered inside a page, as NextGen shows PDFs. */
export function iframePage(pdfUrl: string): PageContent {
  return page('Document', `<iframe id="document" src="${escapeHtml(pdfUrl)}"></iframe>`);
}

/** The price of a document before it is bought: nothing is charged until the user chooses to view. */
export function receiptPage(document: DocumentRecord, cents: number, acceptUrl: string): PageContent {
  return page(
    'Transaction Receipt',
    `<table id="receipt"><tr><th>Description</th><td>Image ${escapeHtml(document.docId)}</td></tr><tr><th>Billable Pages</th><td id="billable-pages">${Math.min(document.pages, 30)}</td></tr><tr><th>Cost</th><td id="cost">${formatDollars(cents)}</td></tr></table>
<form method="post" action="${escapeHtml(acceptUrl)}"><input type="hidden" name="got_receipt" value="1"><button type="submit">View Document</button></form>`,
  );
}

/** The docket report of a case; its receipt is added below once its size is known. */
export function docketReportBody(
  courtCase: CourtCaseRecord,
  parties: readonly SeedParty[],
  entries: readonly DocketEntryRecord[],
  docLink: (entry: DocketEntryRecord) => string | null,
): string {
  const partyRows = parties
    .map((party) => `<tr><td>${escapeHtml(party.role)}</td><td>${escapeHtml(party.name)}</td></tr>`)
    .join('\n');
  const entryRows = entries
    .map((entry) => {
      const link = docLink(entry);
      const number =
        entry.documentNumber === null
          ? ''
          : link
            ? `<a href="${escapeHtml(link)}">${entry.documentNumber}</a>`
            : String(entry.documentNumber);
      return `<tr class="entry" data-de-seq-num="${entry.deSeqNum}"><td>${easternDate(entry.enteredAt)}</td><td>${number}</td><td>${escapeHtml(entry.docketText)}</td></tr>`;
    })
    .join('\n');
  return `<h3 id="case-number">CIT DOCKET FOR CASE #: ${escapeHtml(caseNumberWithJudges(courtCase))}</h3>
<p id="caption">${escapeHtml(courtCase.caption)}</p><p>Date Filed: ${escapeHtml(courtCase.filedOn)}</p>
<table id="parties">${partyRows}</table>
<table id="docket"><tr><th>Date Filed</th><th>#</th><th>Docket Text</th></tr>
${entryRows}</table>`;
}

/** The receipt printed under a docket report. */
export function docketReceipt(
  loginId: string,
  clientCode: string | null,
  billablePages: number,
  cents: number,
): string {
  return `<table id="receipt"><tr><th>PACER Login</th><td>${escapeHtml(loginId)}</td><th>Client Code</th><td>${escapeHtml(clientCode ?? '')}</td></tr><tr><th>Billable Pages</th><td id="billable-pages">${billablePages}</td><th>Cost</th><td id="cost">${formatDollars(cents)}</td></tr></table>`;
}

/**
 * The parties of a case, their counsel of record, and how each is served: electronically through CM/ECF, or by other
 * means (FAQ 36–37), with the
 * mailing address the court has for a party served by other means (FAQ 38: the certificate of service says where).
 */
export function partiesReportPage(
  courtCase: CourtCaseRecord,
  parties: readonly {
    party: SeedParty;
    counsel: readonly string[];
    isServedElectronically: boolean;
    mailingAddress: string | null;
  }[],
): PageContent {
  const rows = parties
    .map(
      ({ party, counsel, isServedElectronically, mailingAddress }) =>
        `<tr class="party" data-party-id="${escapeHtml(party.id)}" data-e-service="${isServedElectronically ? 'yes' : 'no'}"><td>${escapeHtml(party.name)}</td><td>${escapeHtml(party.role)}</td><td class="counsel">${escapeHtml(counsel.join('; '))}</td><td>${isServedElectronically ? 'Electronic' : 'Other means'}</td>${mailingAddress === null ? '' : `<td class="address">${escapeHtml(mailingAddress)}</td>`}</tr>`,
    )
    .join('\n');
  return page(
    `Parties ${courtCase.caseNumber}`,
    `<h3>${escapeHtml(caseNumberWithJudges(courtCase))} ${escapeHtml(courtCase.caption)}</h3><table id="parties"><tr><th>Party</th><th>Role</th><th>Counsel of record</th><th>Service</th><th>Mailing address</th></tr>\n${rows}</table>`,
  );
}

/**
 * `possible_case_numbers.pl`: CM/ECF's small XML answer, in its real form (docs/court-pages.md#case-number-lookup). The
 * request echoes the number typed; each case carries its short number, its id, a title (the number as dockets print it,
 * with the judges, then the caption) and a sortable form; no match is a message.
 */
export function caseNumbersXml(typed: string, cases: readonly CourtCaseRecord[]): string {
  if (cases.length === 0) {
    return `<request number="${escapeHtml(typed)}">\n    <message text="Cannot find case ${escapeHtml(typed)}"/>\n</request>\n`;
  }
  const rows = cases
    .map((courtCase) => {
      const [office, year, type, number] = courtCase.caseNumber.split(/[:-]/);
      const judges = courtCase.judgeInitials.map((initials) => `-${initials}`).join('');
      return `    <case number="${escapeHtml(`${office}:${year}-${type}-${Number(number)}`)}" id="${courtCase.caseId}"\n          title="${escapeHtml(`${caseNumberWithJudges(courtCase)} ${courtCase.caption}`)}"\n          sortable="${escapeHtml(`${office}:20${year}-${type}-${number}${judges}`)}"/>\n`;
    })
    .join('');
  return `<request number="${escapeHtml(typed)}">\n${rows}</request>\n`;
}
