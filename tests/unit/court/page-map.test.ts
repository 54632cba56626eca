import { describe, expect, it } from 'vitest';
import { matchesPage, pageMap, pageMapOf, pageRule, recognisePage } from '../../../src-main/core/court/page-map';
import { readFilingPage } from '../../../src-main/core/court/read-filing-page';
import { readPageOutline } from '../../../src-main/core/html/read-page-outline';
import { composeNefReceiptPage } from '../../../src-main/training-court/mail/compose-nef';
import * as pages from '../../../src-main/training-court/pages';
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
  it('recognises each page of a filing by what it shows, and nothing else as one', () => {
    if (!map) {
      throw new Error('The training court has a page map.');
    }
    const shown = (content: pages.PageContent) => recognisePage(map, outline(pages.renderPage(content, 'filer')));
    const parties = defaultSeed.cases[0]?.parties ?? [];
    expect(shown(pages.partiesPage('f1', courtCase, 'complaint', parties))).toBe('filer');
    expect(shown(pages.documentsPage('f1'))).toBe('documents');
    expect(shown(pages.relatedPage('f1', [], false, [2]))).toBe('related');
    expect(shown(pages.docketTextFormPage('f1'))).toBe('docket-text');
    expect(shown(pages.finalTextPage('f1', 'Complaint.'))).toBe('final-text');
    expect(shown(composeNefReceiptPage(sampleNefEntry()))).toBe('receipt');
    expect(shown(pages.noticeToFilersPage())).toBeNull();
    expect(shown(pages.errorPage('Case number not found.'))).toBeNull();
    expect(shown(pages.loginPage('Log in.', '/'))).toBeNull();
  });

  it('an unexpected page is kept redacted; the expected one, a login and a refusal are not kept', () => {
    const caseData = ['Acme Steel Corp.'];
    const notice = pages.renderPage(pages.noticeToFilersPage(), 'filer');
    expect(readFilingPage('cit-training', notice, { step: 'documents', caseData }).pageCopy).toContain(
      'Notice to Filers',
    );
    const documents = pages.renderPage(pages.documentsPage('f1'), 'filer');
    expect(readFilingPage('cit-training', documents, { step: 'documents', caseData }).pageCopy).toBeNull();
    const login = pages.renderPage(pages.loginPage('Log in.', '/'), null);
    expect(readFilingPage('cit-training', login, { step: 'documents', caseData })).toMatchObject({
      kind: 'login',
      pageCopy: null,
    });
    const refusal = pages.renderPage(pages.errorPage('A main document is required.'), 'filer');
    expect(readFilingPage('cit-training', refusal, { step: 'related', caseData })).toMatchObject({
      error: 'A main document is required.',
      pageCopy: null,
    });
    // Read without an expectation (a report, a lookup), no page is kept.
    expect(readFilingPage('cit-training', notice).pageCopy).toBeNull();
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
    const pagesOf = map?.pages ?? {};
    expect(pageMap.safeParse({ court: 'x', pages: { ...pagesOf, receipt: undefined } }).success).toBe(false);
    expect(pageMap.safeParse({ court: 'x', pages: pagesOf }).success).toBe(true);
  });
});
