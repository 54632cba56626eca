import type { DocketEvent } from '../shared/cit-event-catalog';
import type { CourtCaseRecord, DocketEntryRecord } from './court-records';
import { escapeHtml } from './mail/html-text';
import { page, type PageContent } from './pages';
import { caseNumberWithJudges, type SeedParty } from './seed';

// PROVISIONAL — the screens of a filing transaction (docs/court-pages.md#the-filing-transaction).
//
// Where CM/ECF's real markup is known it is followed: every screen is a `multipart/form-data` POST form to a
// per-transaction action (`Dispatch.pl?<transaction>-L_<screen>_0-1`) with a Next button named `button1`; the case
// is chosen with the real case-number widget (`case_num`, hidden `all_case_ids`). The screens themselves (category →
// event list, filer, documents, "Refer to existing event(s)?", docket text, final text) are known only from court
// manuals: they are built here as the manuals describe them, and every such guess is kept in this one file.

/** The action a screen's form posts to: the transaction, then which screen of it the form belongs to. */
export function transactionAction(transaction: string, screen: number): string {
  return `/cgi-bin/Dispatch.pl?${transaction}-L_${screen}_0-1`;
}

/** A screen's form: multipart, to the transaction's action, ending with CM/ECF's Next (`button1`) and Clear. */
function transactionForm(action: string, inner: string): string {
  return `<form enctype="multipart/form-data" method="POST" action="${escapeHtml(action)}">
${inner}
<p><input type="submit" name="button1" value="Next"> <input type="reset" value="Clear"></p></form>`;
}

/** The case a screen is about, as CM/ECF prints it above each screen of a transaction. */
function caseLine(courtCase: Pick<CourtCaseRecord, 'caseNumber' | 'judgeInitials' | 'caption'> | null): string {
  return courtCase === null
    ? ''
    : `<p class="case-line"><b>${escapeHtml(caseNumberWithJudges(courtCase))}</b> ${escapeHtml(courtCase.caption)}</p>\n`;
}

/** `DisplayMenu.pl?CivilEvents`: the categories of civil events, each a link to its event list. */
export function categoriesPage(categories: readonly { readonly name: string; readonly href: string }[]): PageContent {
  const links = categories
    .map((category) => `<li><a href="${escapeHtml(category.href)}">${escapeHtml(category.name)}</a></li>`)
    .join('\n');
  return page('Civil Events', `<ul class="event-categories">\n${links}\n</ul>`);
}

/** A category's events, in alphabetical order, with the manuals' "Start typing to find an event" filter. */
export function eventListPage(
  action: string,
  category: string,
  events: readonly DocketEvent[],
  courtCase: CourtCaseRecord | null,
): PageContent {
  const options = [...events]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((event) => `<option class="fakeOption" value="${escapeHtml(event.id)}">${escapeHtml(event.name)}</option>`)
    .join('\n');
  return page(
    category,
    transactionForm(
      action,
      `${caseLine(courtCase)}<p><label for="event_filter">Start typing to find an event</label> <input id="event_filter" type="text" autocomplete="off"></p>
<p><label for="event_list">Available Events (click to select an event)</label><br>
<select id="event_list" name="event" size="12">
${options}
</select></p>`,
    ),
  );
}

/** The case-number screen, with the widget as CM/ECF serves it (its lookup fills `all_case_ids` in a browser). */
export function caseNumberPage(action: string, event: DocketEvent | null): PageContent {
  return page(
    event?.name ?? 'Civil Events',
    transactionForm(
      action,
      `<input id="all_case_ids" name="all_case_ids" value="" type="hidden">
<p><label for="case_number_text_area_0">Case Number</label> <span id="case_number_area" style="white-space: nowrap;"><input id="case_number_text_area_0" name="case_num" autocomplete="off" type="text">
<input id="case_number_find_button_0" value="Find This Case" type="button"></span>
<span id="case_number_message_area_0"></span></p>
<div id="case_number_pick_area_0" style="display: none;"></div>`,
    ),
  );
}

/** The screen that opens a new case (USCIT Rule 3(a)): the caption and, for each party, its id, name and role. */
export function newCasePage(action: string, event: DocketEvent): PageContent {
  const row = (index: number): string =>
    `<tr><td><input name="party_id" aria-label="Party ${index} id"></td><td><input name="party_name" aria-label="Party ${index} name"></td><td><input name="party_role" aria-label="Party ${index} role"></td></tr>`;
  return page(
    'Open a New Case',
    transactionForm(
      action,
      `<p>${escapeHtml(event.name)}: the court opens the case when this filing is submitted.</p>
<p><label>Case caption <textarea name="caption" rows="2" cols="60"></textarea></label></p>
<table id="new-parties"><tr><th>Party id</th><th>Name</th><th>Role</th></tr>
${[1, 2, 3, 4].map(row).join('\n')}</table>`,
    ),
  );
}

/** The filer: the parties of the case in a multiple selection, each ending in its role ("Acme Corp. [Plaintiff]"). */
export function filerPage(
  action: string,
  courtCase: Pick<CourtCaseRecord, 'caseNumber' | 'judgeInitials' | 'caption'>,
  event: DocketEvent | null,
  parties: readonly SeedParty[],
): PageContent {
  const options = parties
    .map(
      (party) =>
        `<option value="${escapeHtml(party.id)}">${escapeHtml(party.name)} [${escapeHtml(party.role)}]</option>`,
    )
    .join('\n');
  return page(
    'Select the Filer',
    transactionForm(
      action,
      `${caseLine(courtCase)}<p>${escapeHtml(event?.name ?? '')}</p>
<p><label for="party_person">Select the Party:</label><br><select id="party_person" name="party_person" multiple size="${Math.min(Math.max(parties.length, 2), 12)}">
${options}
</select></p>`,
    ),
  );
}

/** The types an attachment row offers (CM/ECF's category drop-down). */
export const attachmentTypes = [
  'Exhibit',
  'Proposed Order',
  'Affidavit',
  'Declaration',
  'Memorandum',
  'Other',
] as const;

/** How many attachment rows a documents screen offers. */
export const attachmentRows = 30;

/** Attachment rows: file, type and description, numbered after the main document's `file_1`. */
function attachmentRowsHtml(): string {
  const types = attachmentTypes.map((type) => `<option>${type}</option>`).join('');
  const rows = Array.from({ length: attachmentRows }, (_, index) => {
    const n = index + 2;
    return `<tr><td><input type="file" name="file_${n}" accept="application/pdf" aria-label="Attachment ${index + 1}"></td><td><select name="category_${n}" aria-label="Attachment ${index + 1} type"><option value=""></option>${types}</select></td><td><input name="description_${n}" aria-label="Attachment ${index + 1} description"></td></tr>`;
  }).join('\n');
  return `<table id="attachments"><tr><th>Attachment</th><th>Type</th><th>Description</th></tr>\n${rows}</table>`;
}

/**
 * The documents screen: the main document (`file_1`), and either the attachment rows on the same screen (CM/ECF 4.x
 * and later) or the older "Attachments to Document" Yes/No question, answered on a second screen.
 */
export function documentsPage(
  action: string,
  options: { readonly attachmentsHere: boolean; readonly asksForComplaint: boolean },
): PageContent {
  // USCIT Rule 3(a): the complaint filed with a summons is uploaded in its own field and docketed after the summons.
  const complaint = options.asksForComplaint
    ? '<p><label>Complaint <input type="file" name="complaint_document" accept="application/pdf"></label></p>\n'
    : '';
  const attachments = options.attachmentsHere
    ? attachmentRowsHtml()
    : `<p>Attachments to Document: <label><input type="radio" name="attachments" value="no" checked> No</label> <label><input type="radio" name="attachments" value="yes"> Yes</label></p>`;
  return page(
    'Upload Documents',
    transactionForm(
      action,
      `<p><label>Main Document <input type="file" name="file_1" accept="application/pdf"></label></p>
<p>You cannot proceed any further until you have attached a main document.</p>
${complaint}${attachments}`,
    ),
  );
}

/** The second screen of an older court: the attachments alone. */
export function attachmentsPage(action: string, mainPages: number): PageContent {
  return page(
    'Attachments to Document',
    transactionForm(
      action,
      `<p id="uploaded-pages">Main document: <span class="pages">${mainPages}</span> page(s).</p>\n${attachmentRowsHtml()}`,
    ),
  );
}

/** CM/ECF's joint-filing question (a `yn` choice before the filer in some courts; here after the documents). */
export function jointFilingPage(action: string): PageContent {
  return page(
    'Joint Filing',
    transactionForm(
      action,
      `<p><label for="yn">Is this a joint filing with other attorney(s)?</label> <select id="yn" name="yn"><option value=""></option><option value="y">Yes</option><option value="n">No</option></select></p>`,
    ),
  );
}

/** "Refer to existing event(s)?": the docket as it stands, each entry a checkbox (required for some events). */
export function relatedPage(
  action: string,
  entries: readonly DocketEntryRecord[],
  isRequired: boolean,
  pages: readonly number[],
  entryDate: (entry: DocketEntryRecord) => string,
): PageContent {
  const rows = entries
    .map(
      (entry) =>
        `<tr><td><label><input type="checkbox" name="related" value="${entry.deSeqNum}"> ${entry.documentNumber ?? ''}</label></td><td>${escapeHtml(entryDate(entry))}</td><td>${escapeHtml(entry.shortDescription)}</td></tr>`,
    )
    .join('\n');
  return page(
    'Refer to Existing Event(s)',
    transactionForm(
      action,
      `<p id="uploaded-pages">${pages.map((count) => `<span class="pages">${count}</span>`).join(' ')} page(s) uploaded.</p>
<p><label><input type="checkbox" name="refer_to_existing" value="1"${isRequired ? ' checked' : ''}> Refer to existing event(s)?</label></p>
<p>${isRequired ? 'This event requires a related document.' : 'Select the entries this filing relates to, if any.'}</p>
<table id="related-entries"><tr><th>Doc. No.</th><th>Filed</th><th>Event</th></tr>
${rows}</table>`,
    ),
  );
}

/** The prefixes CM/ECF offers before an event's docket text. */
export const docketTextPrefixes = ['Amended', 'Corrected', 'Emergency', 'Joint', 'Supplemental'] as const;

/** Modify docket text: a Prefix Text choice and a Free Text box. */
export function docketTextPage(action: string): PageContent {
  const prefixes = docketTextPrefixes.map((prefix) => `<option>${prefix}</option>`).join('');
  return page(
    'Modify Docket Text',
    transactionForm(
      action,
      `<p><label>Prefix Text <select name="prefix"><option value=""></option>${prefixes}</select></label></p>
<p><label>Free Text <input name="free_text" size="60"></label></p>`,
    ),
  );
}

/** A filing fee due with the event (FAQ 21), asked before the final text (the variation that prompts for it). */
export function feePage(action: string, fee: string): PageContent {
  return page(
    'Filing Fee',
    transactionForm(
      action,
      `<p id="filing-fee">${escapeHtml(fee)}</p>
<p><label><input type="checkbox" name="fee_acknowledged" value="1"> I understand that this filing is not complete until the fee is paid.</label></p>`,
    ),
  );
}

/** The final docket text: no further editing after this screen; Next commits the filing. */
export function finalTextPage(action: string, docketText: string, fee: string | null): PageContent {
  const feeNote = fee === null ? '' : `<p id="filing-fee">${escapeHtml(fee)}</p>`;
  return page(
    'Docket Text: Final Text',
    transactionForm(
      action,
      `<p><b>Docket Text: Final Text</b></p><div id="docket-text">${escapeHtml(docketText)}</div>${feeNote}
<p>No further editing is allowed after this screen. Make sure the document is redacted as the rules require before you go on.</p>`,
    ),
  );
}
