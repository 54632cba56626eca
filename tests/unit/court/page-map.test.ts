import { describe, expect, it } from 'vitest';
import {
  isTestedPageMap,
  matchesPage,
  pageMap,
  pageMapDigest,
  pageMapOf,
  pageRule,
  readPageMap,
  recognisePage,
  type PageMap,
} from '../../../src-main/core/court/page-map';
import { readFilingPage } from '../../../src-main/core/court/read-filing-page';
import { readPageOutline } from '../../../src-main/core/html/read-page-outline';
import { composeNefReceiptPage } from '../../../src-main/training-court/mail/compose-nef';
import * as pages from '../../../src-main/training-court/pages';
import * as screens from '../../../src-main/training-court/filing-pages';
import { findDocketEvent } from '../../../src-main/shared/cit-event-catalog';
import { defaultSeed } from '../../../src-main/training-court/seed';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';

const outline = (html: string) => readPageOutline(html, 'https://court.invalid/');
const map = pageMapOf('cit-training');
const courtCase = {
  caseId: 1017,
  caseNumber: '1:26-cv-00123',
  caption: 'Acme Steel Corp. v. United States',
  judgeInitials: ['MMB'],
  filedOn: '2026-01-05',
};

describe("the training court's page map", () => {
  const action = screens.transactionAction('123456789012345', 1);
  const motion = findDocketEvent('motion-to-dismiss');
  const summons = findDocketEvent('summons');

  it('recognises each screen of a filing by what it shows, and nothing else as one', () => {
    if (!map || !motion || !summons) {
      throw new Error('The training court has a page map, and the catalog these events.');
    }
    const shown = (content: pages.PageContent) => recognisePage(map, outline(pages.renderPage(content, 'filer')));
    const parties = defaultSeed.cases[0]?.parties ?? [];
    const categories = [{ name: 'Motions', href: '/cgi-bin/Dispatch.pl?motions' }];
    expect(shown(screens.categoriesPage(categories))).toBe('categories');
    expect(shown(screens.eventListPage(action, 'Motions', [motion], null))).toBe('events');
    // Asked before the event, the case screen is headed as the menu is; it is still the case screen.
    expect(shown(screens.caseNumberPage(action, null))).toBe('case');
    expect(shown(screens.caseNumberPage(action, motion))).toBe('case');
    expect(shown(screens.newCasePage(action, summons))).toBe('new-case');
    expect(shown(screens.filerPage(action, courtCase, motion, parties))).toBe('filer');
    expect(shown(screens.documentsPage(action, { attachmentsHere: true, asksForComplaint: false }))).toBe('documents');
    expect(shown(screens.documentsPage(action, { attachmentsHere: false, asksForComplaint: true }))).toBe('documents');
    expect(shown(screens.attachmentsPage(action, 3))).toBe('attachments');
    expect(shown(screens.jointFilingPage(action))).toBe('joint-filing');
    expect(shown(screens.relatedPage(action, [], false, [2], () => '1/5/2026'))).toBe('related');
    expect(shown(screens.docketTextPage(action))).toBe('docket-text');
    expect(shown(screens.feePage(action, '$400.00'))).toBe('fee');
    expect(shown(screens.finalTextPage(action, 'Complaint.', null))).toBe('final-text');
    expect(shown(composeNefReceiptPage(sampleNefEntry()))).toBe('receipt');
    expect(shown(pages.noticeToFilersPage())).toBeNull();
    expect(shown(pages.errorPage('Case number not found.'))).toBeNull();
    expect(shown(pages.loginPage('Log in.', '/'))).toBeNull();
  });

  it('an unexpected page is kept redacted; an expected one, a login and a refusal are not kept', () => {
    const caseData = ['Acme Steel Corp.'];
    const expected = { steps: ['documents', 'related'] as const, caseData };
    const notice = pages.renderPage(pages.noticeToFilersPage(), 'filer');
    expect(readFilingPage('cit-training', notice, expected).pageCopy).toContain('Notice to Filers');
    const documents = pages.renderPage(
      screens.documentsPage(action, { attachmentsHere: true, asksForComplaint: false }),
      'filer',
    );
    expect(readFilingPage('cit-training', documents, expected).pageCopy).toBeNull();
    // A screen the filing does not expect now is kept as well: here, the documents screen where none is.
    expect(readFilingPage('cit-training', documents, { steps: ['related'], caseData }).pageCopy).toContain('file_1');
    const login = pages.renderPage(pages.loginPage('Log in.', '/'), null);
    expect(readFilingPage('cit-training', login, expected)).toMatchObject({ kind: 'login', pageCopy: null });
    const refusal = pages.renderPage(pages.errorPage('A main document is required.'), 'filer');
    expect(readFilingPage('cit-training', refusal, expected)).toMatchObject({
      error: 'A main document is required.',
      pageCopy: null,
    });
    // Read without an expectation (a report, a lookup), no page is kept.
    expect(readFilingPage('cit-training', notice).pageCopy).toBeNull();
  });

  it('gives the driver the form to fill: the one with the Next button, where it posts, and the links of a menu', () => {
    const html = pages.renderPage(screens.docketTextPage(action), 'filer');
    const read = readFilingPage('cit-training', html);
    expect(read.form?.action).toBe(action);
    expect(read.form?.enctype).toBe('multipart/form-data');
    expect(read.form?.fields.map((field) => field.name)).toEqual(['prefix', 'free_text', 'button1', '']);
    const menu = readFilingPage(
      'cit-training',
      pages.renderPage(screens.categoriesPage([{ name: 'Motions', href: '/cgi-bin/Dispatch.pl?motions' }]), 'filer'),
    );
    expect(menu.form).toBeNull();
    expect(menu.links).toContainEqual({ url: 'https://court.invalid/cgi-bin/Dispatch.pl?motions', text: 'Motions' });
  });
});

describe('page rules', () => {
  it('need every part to hold: the heading exactly, the fields in one form, the words', () => {
    const page = outline(
      '<h2>Upload Documents</h2><form><input name="file_1"></form><form><input name="desc"></form><p>Main document</p>',
    );
    expect(matchesPage({ heading: 'Upload Documents', fields: ['file_1'], words: ['Main document'] }, page)).toBe(true);
    expect(matchesPage({ heading: 'Upload' }, page)).toBe(false);
    expect(matchesPage({ fields: ['file_1', 'desc'] }, page)).toBe(false);
    expect(matchesPage({ heading: 'Upload Documents', words: ['Attachments'] }, page)).toBe(false);
  });

  it('refuses a rule that would match any page, and a map with a step missing or a setting it does not know', () => {
    expect(pageRule.safeParse({}).success).toBe(false);
    expect(pageRule.safeParse({ fields: [] }).success).toBe(false);
    expect(pageRule.safeParse({ heading: 'x', script: 'alert(1)' }).success).toBe(false);
    const whole = { court: 'x', start: '/cgi-bin/DisplayMenu.pl?CivilEvents', pages: map?.pages, fields: map?.fields };
    expect(pageMap.safeParse(whole).success).toBe(true);
    expect(pageMap.safeParse({ ...whole, pages: { ...whole.pages, receipt: undefined } }).success).toBe(false);
    expect(pageMap.safeParse({ ...whole, pages: { ...whole.pages, extra: { heading: 'x' } } }).success).toBe(false);
    expect(pageMap.safeParse({ ...whole, fields: { ...whole.fields, party: undefined } }).success).toBe(false);
    expect(pageMap.safeParse({ ...whole, fields: { ...whole.fields, attachmentFile: 'file' } }).success).toBe(false);
    expect(pageMap.safeParse({ ...whole, start: 'https://elsewhere.example/menu' }).success).toBe(false);
    expect(pageMap.safeParse({ ...whole, start: '//elsewhere.example/menu' }).success).toBe(false);
  });
});

describe('which page map is tested end to end', () => {
  const shipped = pageMapOf('cit-training');

  it('is the training court’s as shipped, or a copy saying exactly the same in another spacing and key order', () => {
    const reordered = Object.fromEntries(Object.entries(shipped ?? {}).reverse());
    const copy = readPageMap(JSON.stringify(reordered, null, 7));
    expect(isTestedPageMap(copy)).toBe(true);
    expect(pageMapDigest(copy)).toBe(pageMapDigest(shipped as PageMap));
  });

  it('is not a map that says anything else, however little: its screens are checked on first use', () => {
    const edited = readPageMap(JSON.stringify({ ...shipped, description: 'Checked by firm IT.' }));
    expect(isTestedPageMap(edited)).toBe(false);
    expect(pageMapDigest(edited)).not.toBe(pageMapDigest(shipped as PageMap));
    expect(isTestedPageMap(pageMapOf('cit') as PageMap)).toBe(false);
  });
});
