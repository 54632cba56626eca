import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourtChrome } from '../../../src-main/core/court/court-chrome';
import { redactCourtPage } from '../../../src-main/core/court/redact-court-page';
import { readPageOutline } from '../../../src-main/core/html/read-page-outline';
import { sharedFixture } from '../../support/paths';

/** A filing page as a court might send it mid-transaction, full of what must not be kept. */
const filingPage = `<!DOCTYPE html><html><head><title>CM/ECF - U.S. Court of International Trade (NG 1.8 - TRAINING)</title>
<script>document.cookie = "NextGenCSO=Zx9SecretToken4711; path=/;"; var PRTYPE = "aty";</script></head>
<body><div id="topmenu" class="yuimenubar"><div class="bd"><ul>
<li><a href="/cgi-bin/DisplayMenu.pl?CivilEvents">Civil</a></li><li><a href="/cgi-bin/login.pl?logout">Log Out</a></li></ul></div></div>
<div id="cmecfMainContent"><!---ShowPage(Dispatch.htm)--->
<h3>1:26-cv-00123-MMB Acme Steel Corp. v. United States</h3>
<form enctype="multipart/form-data" method="POST" action="/cgi-bin/Dispatch.pl?707984093721955-L_1_0-1">
<input type="hidden" name="session_token" value="Zx9SecretToken4711">
<label for="pp">Select the filer</label>
<select name="party_person" id="pp" multiple><option value="acme">Acme Steel Corp. [Plaintiff]</option></select>
<p>Counsel: Jane Morgan, jmorgan@morganreyes.example, (212) 555-0134</p>
<input type="password" name="key" value="hunter2!">
<textarea name="free_text">with exhibits of Acme's supplier</textarea>
<a href="/doc1/0141000123?caseid=1017&amp;de_seq_num=12&amp;magic_num=12345678">1</a>
<b>Filed by:</b> <b>Jane Morgan</b>
<input type="submit" name="button1" value="Next" onclick="return ProcessForm('Zx9SecretToken4711')">
</form></div></body></html>`;

const known = ['Acme Steel Corp.', 'United States', 'Jane Morgan', '1:26-cv-00123', 'complaint.pdf'];

describe('a redacted copy of a court page', () => {
  const copy = redactCourtPage(filingPage, known);

  it('keeps no token, cookie, password, name, address, number or typed words', () => {
    for (const secret of [
      'Zx9SecretToken4711',
      'hunter2',
      'Acme',
      'Jane Morgan',
      'jmorgan@',
      '555',
      '00123',
      '707984093721955',
      'magic_num',
      '12345678',
      'supplier',
      'United States',
      'NextGenCSO',
    ]) {
      expect(copy, secret).not.toContain(secret);
    }
  });

  it('keeps how the page is built: its frame, form, field names, labels, headings and buttons', () => {
    const outline = readPageOutline(copy, 'https://court.invalid/');
    expect(readCourtChrome(outline)).toMatchObject({ isLoggedIn: true, account: 'filer', eventMenus: ['CivilEvents'] });
    expect(outline.title).toBe('CM/ECF - U.S. Court of International Trade (NG #.# - TRAINING)');
    expect(outline.headings).toEqual(['[case data]-MMB [case data] v. [case data]']);
    const [form] = outline.forms;
    expect(form).toMatchObject({ action: '/cgi-bin/Dispatch.pl?…', method: 'POST', enctype: 'multipart/form-data' });
    expect(form?.fields.map((field) => [field.name, field.type, field.value, field.label])).toEqual([
      ['session_token', 'hidden', '', ''],
      ['party_person', 'select', '', 'Select the filer'],
      ['key', 'password', '', ''],
      ['free_text', 'textarea', '[text]', ''],
      ['button1', 'submit', 'Next', ''],
    ]);
    expect(copy).toContain('<!---ShowPage(Dispatch.htm)--->');
    expect(copy).toContain('<b>Filed by:</b> <b>[case data]</b>');
  });

  it('marks each dropped run of words, so the layout still reads', () => {
    expect(copy).toContain('<p>[text]</p>');
    expect(copy).toContain('<option value="">[text]</option>');
  });

  it('names known values in any case, and the longest first', () => {
    expect(redactCourtPage('<h2>ACME STEEL CORP. and acme</h2>', ['Acme', 'Acme Steel Corp.'])).toBe(
      '<h2>[case data] and [case data]</h2>',
    );
  });

  it('cannot be made to carry markup through: escaped attributes, no event handlers, no styles', () => {
    const hostile = redactCourtPage(
      '<h1 id="x&quot; onload=&quot;alert(1)" style="background:url(//evil)" onmouseover="steal()">a</h1><style>*{}</style><iframe src="https://evil/?t=1">x</iframe>',
      [],
    );
    expect(hostile).toBe(
      '<h1 id="x&quot; onload=&quot;alert(1)">a</h1><style></style><iframe src="https://evil/?…"></iframe>',
    );
  });
});

const fixtureFolder = sharedFixture('cmecf');
describe.skipIf(fixtureFolder === null)('redacted copies of real CM/ECF pages', () => {
  const pages = fixtureFolder === null ? [] : readdirSync(fixtureFolder).filter((name) => name.endsWith('.html'));
  it.each(pages)('%s keeps its frame and forms, and none of its case numbers or party names', (name) => {
    const html = readFileSync(path.join(fixtureFolder ?? '', name), 'utf8');
    const before = readPageOutline(html, 'https://court.invalid/');
    const after = readPageOutline(redactCourtPage(html, []), 'https://court.invalid/');
    expect(readCourtChrome(after).account).toBe(readCourtChrome(before).account);
    expect(after.forms.map((form) => form.fields.map((field) => field.name))).toEqual(
      before.forms.map((form) => form.fields.map((field) => field.name.replace(/\d{3,}/g, '#'))),
    );
    // Case numbers ("2:24-bk-16169") and dates leave no digit behind (a heading's tag name is not one).
    const copy = redactCourtPage(html, []);
    expect(copy.replace(/<\/?h[1-6]\b/g, '')).not.toMatch(/\d{3}/);
    expect(readPageOutline(copy, 'https://court.invalid/').text).not.toMatch(/\d/);
  });
});
