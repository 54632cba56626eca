import { describe, expect, it } from 'vitest';
import {
  CaptureIncompleteError,
  createCaptureRecorder,
  maxCapturedPages,
} from '../../../src-main/core/court/capture/capture-recorder';

// What `ecf-desk capture` makes of pages it is shown (docs/court-pages.md#capturing-a-page-map), with pages built here.
// The whole capture, at the training court in each variation, is tested in tests/unit/cli/capture-command.test.ts.

const loginPage = `<form method="POST" action="/cgi-bin/login.pl"><input name="login"><input type="password" name="key">
<input type="submit" name="button1" value="Login"></form>`;

describe('the capture recorder', () => {
  it('looks at nothing posted from a login form, and makes no draft of a login alone', () => {
    const recorder = createCaptureRecorder();
    recorder.page('GET', '/cgi-bin/login.pl', loginPage);
    recorder.post('/cgi-bin/login.pl', [
      { name: 'login', isFile: false, value: 'jdoe', size: 4 },
      { name: 'key', isFile: false, value: 'Secret Password 1', size: 17 },
    ]);
    recorder.page('POST', '/cgi-bin/login.pl', '<p>Welcome to CM/ECF</p>');
    expect(recorder.hasReceipt()).toBe(false);
    expect(() => recorder.draft('cit-training', new Date())).toThrow(CaptureIncompleteError);
  });

  it('looks no further than the first runs of a page, and drafts from pages that say a great deal', () => {
    /** A name for a number in letters only (runs with digits are never taken). */
    const letters = (value: number): string =>
      value
        .toString(26)
        .split('')
        .map((digit) => String.fromCharCode(97 + parseInt(digit, 26)))
        .join('');
    const talkative = (seed: number) =>
      Array.from({ length: 3000 }, (_, index) => `<p>the court says ${letters(seed * 3000 + index)} here</p>`).join('');
    const recorder = createCaptureRecorder();
    recorder.page('GET', '/cgi-bin/DisplayMenu.pl?CivilEvents', `<h3>Civil Events</h3>${talkative(1)}`);
    recorder.page(
      'GET',
      '/cgi-bin/Dispatch.pl?notices',
      `${talkative(2)}<form method="POST" action="/x?1"><input name="words"><input type="submit" name="button1"></form>`,
    );
    recorder.post('/x?1', [{ name: 'words', isFile: false, value: 'typed by hand', size: 13 }]);
    // The final-text page repeats the events page's 3,000 runs before saying anything of its own.
    recorder.page(
      'POST',
      '/x?1',
      `${talkative(2)}${talkative(3)}<form method="POST" action="/x?2"><input type="submit" name="button1"></form>`,
    );
    recorder.post('/x?2', []);
    recorder.page('POST', '/x?2', `<p>Notice of Electronic Filing</p>${talkative(4)}`);
    const draft = recorder.draft('cit-training', new Date());
    expect(draft.map.pages.receipt).toEqual({
      words: ['Notice of Electronic Filing', `the court says ${letters(4 * 3000)} here`],
    });
    // Its own words come after 3,000 runs another page says too: a draft looks no further than a page's first runs (2,000
    // kept, 200 looked for elsewhere), so it cannot tell this page, and says so rather than take another page's words.
    expect(draft.map.pages['final-text']).toEqual({ words: ['ECF Desk capture: this screen was not seen'] });
  });

  it('says the receipt was not seen when a filing was left before its end', () => {
    const recorder = createCaptureRecorder();
    recorder.page('GET', '/cgi-bin/DisplayMenu.pl?CivilEvents', '<h3>Civil Events</h3>');
    recorder.page(
      'GET',
      '/e',
      '<form method="POST" action="/e?1"><select name="ev" size="4"><option value="1">Notice</option></select></form>',
    );
    recorder.post('/e?1', [{ name: 'ev', isFile: false, value: '1', size: 1 }]);
    recorder.page('POST', '/e?1', '<form method="POST" action="/e?2"><input name="num"></form>');
    expect(recorder.hasReceipt()).toBe(false);
    expect(() => recorder.draft('cit-training', new Date())).toThrow("The court's receipt was not seen");
  });

  it('keeps at most its page limit, however long a person wanders', () => {
    const recorder = createCaptureRecorder();
    for (let index = 0; index < maxCapturedPages + 50; index += 1) {
      recorder.page('GET', `/cgi-bin/iquery.pl?${index}`, `<h3>Query ${index}</h3>`);
    }
    expect(recorder.pageCount()).toBe(maxCapturedPages);
  });

  it("tells a whole filing's screens from their forms, and keeps none of the filing's words in the draft", () => {
    const recorder = createCaptureRecorder();
    const screen = (step: number, body: string) =>
      `<h3>Civil Events</h3><form method="POST" enctype="multipart/form-data" action="/cgi-bin/Dispatch.pl?9-L_${step}_0-1">${body}<input type="submit" name="button1" value="Next"></form>`;
    recorder.page(
      'GET',
      '/cgi-bin/DisplayMenu.pl?CivilEvents',
      '<h3>Civil Events</h3><a href="/cgi-bin/Dispatch.pl?notices">Notices</a>',
    );
    recorder.page(
      'GET',
      '/cgi-bin/Dispatch.pl?notices',
      screen(
        1,
        '<select name="ev" size="8"><option value="1">Notice of Appearance</option><option value="2">Notice of Change</option></select>',
      ),
    );
    recorder.post('/cgi-bin/Dispatch.pl?9-L_1_0-1', [{ name: 'ev', isFile: false, value: '1', size: 1 }]);
    recorder.page(
      'POST',
      '/cgi-bin/Dispatch.pl?9-L_1_0-1',
      screen(2, '<input name="num"><input type="hidden" name="ids">'),
    );
    recorder.post('/cgi-bin/Dispatch.pl?9-L_2_0-1', [
      { name: 'num', isFile: false, value: '26-00999', size: 8 },
      { name: 'ids', isFile: false, value: '4242', size: 4 },
    ]);
    recorder.page(
      'POST',
      '/cgi-bin/Dispatch.pl?9-L_2_0-1',
      screen(3, '<select name="who" multiple><option value="p1">Zenith Imports Ltd [Plaintiff]</option></select>'),
    );
    recorder.post('/cgi-bin/Dispatch.pl?9-L_3_0-1', [{ name: 'who', isFile: false, value: 'p1', size: 2 }]);
    recorder.page('POST', '/cgi-bin/Dispatch.pl?9-L_3_0-1', screen(4, '<input type="file" name="doc_1">'));
    recorder.post('/cgi-bin/Dispatch.pl?9-L_4_0-1', [{ name: 'doc_1', isFile: true, value: 'zenith.pdf', size: 900 }]);
    recorder.page('POST', '/cgi-bin/Dispatch.pl?9-L_4_0-1', screen(5, '<textarea name="words"></textarea>'));
    recorder.post('/cgi-bin/Dispatch.pl?9-L_5_0-1', [
      { name: 'words', isFile: false, value: 'on behalf of Zenith', size: 19 },
    ]);
    recorder.page(
      'POST',
      '/cgi-bin/Dispatch.pl?9-L_5_0-1',
      screen(
        6,
        '<p><b>Final Docket Text</b></p><p>NOTICE of Appearance on behalf of Zenith Imports Ltd</p><p>Nothing can be changed after this screen.</p>',
      ),
    );
    recorder.post('/cgi-bin/Dispatch.pl?9-L_6_0-1', []);
    expect(recorder.hasReceipt()).toBe(false);
    recorder.page(
      'POST',
      '/cgi-bin/Dispatch.pl?9-L_6_0-1',
      '<p>Notice of Electronic Filing</p><p>Zenith Imports Ltd v. United States</p><p>Filer: Morgan, Jane</p>',
    );
    expect(recorder.hasReceipt()).toBe(true);

    const draft = recorder.draft('cit', new Date('2026-12-07T12:00:00Z'));
    expect(draft.screens.map((each) => each.step)).toEqual([
      'events',
      'case',
      'filer',
      'documents',
      'docket-text',
      'final-text',
      'receipt',
      'categories',
    ]);
    expect(draft.map).toMatchObject({
      court: 'cit',
      start: '/cgi-bin/DisplayMenu.pl?CivilEvents',
      fields: {
        event: 'ev',
        caseNumber: 'num',
        caseIds: 'ids',
        party: 'who',
        mainDocument: 'doc_1',
        freeText: 'words',
      },
      pages: {
        events: { fields: ['ev'] },
        'final-text': { words: ['Final Docket Text', 'Nothing can be changed after this screen.'] },
        receipt: { words: ['Notice of Electronic Filing'] },
        categories: { heading: 'Civil Events' },
        fee: { words: ['ECF Desk capture: this screen was not seen'] },
      },
    });
    expect(draft.notCaptured).toEqual(['new-case', 'attachments', 'joint-filing', 'related', 'fee']);
    const text = JSON.stringify(draft.map);
    // Nor a name as CM/ECF prints a person, though nobody typed or chose it.
    for (const filingWords of ['Zenith', '26-00999', '4242', 'zenith.pdf', 'on behalf of', 'Morgan']) {
      expect(text, filingWords).not.toContain(filingWords);
    }
  });
});
