import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlineLimits, readPageOutline } from '../../../src-main/core/html/read-page-outline';
import { sharedFixture } from '../../support/paths';

const pageUrl = 'https://ecf.example.uscourts.gov/cgi-bin/Dispatch.pl?1';
const outline = (html: string) => readPageOutline(html, pageUrl);

describe('forms as a person filling them in sees them', () => {
  it('reads each control with its label, its value and its choices', () => {
    const page = outline(`<h2 align="center">Select the Party</h2>
<form enctype="multipart/form-data" method="post" action="/cgi-bin/Dispatch.pl?4711-L_1_0-1">
<input type="hidden" name="caseid" value="10">
<label>Case number <input name="case_num" id="cn"></label>
<label for="pp">Filer</label><select name="party_person" id="pp" multiple><option value="1">Acme Steel [Plaintiff]<option value="2" selected>United States [Defendant]</select>
<textarea name="free_text">Amended &amp; restated</textarea>
<input type="checkbox" name="joint" value="y" checked>
<input type="file" name="file_1">
<button name="button1" value="Next">Next &gt;</button>
</form>`);
    expect(page.headings).toEqual(['Select the Party']);
    const [form] = page.forms;
    expect(form).toMatchObject({
      action: '/cgi-bin/Dispatch.pl?4711-L_1_0-1',
      method: 'POST',
      enctype: 'multipart/form-data',
    });
    expect(form?.fields.map((field) => [field.name, field.type, field.value, field.label])).toEqual([
      ['caseid', 'hidden', '10', ''],
      ['case_num', 'text', '', 'Case number'],
      ['party_person', 'select', '2', 'Filer'],
      ['free_text', 'textarea', 'Amended & restated', ''],
      ['joint', 'checkbox', 'y', ''],
      ['file_1', 'file', '', ''],
      ['button1', 'submit', 'Next', 'Next >'],
    ]);
    expect(form?.fields[2]?.options).toEqual([
      { value: '1', text: 'Acme Steel [Plaintiff]', isSelected: false },
      { value: '2', text: 'United States [Defendant]', isSelected: true },
    ]);
    expect(form?.fields[4]?.isChecked).toBe(true);
  });

  it('keeps no field outside a form, and ends a form a new one opens', () => {
    const page = outline('<input name="stray"><form action="a"><input name="one"><form action="b"><input name="two">');
    expect(page.forms.map((form) => [form.action, form.fields.map((field) => field.name)])).toEqual([
      ['a', ['one']],
      ['b', ['two']],
    ]);
  });

  it('bounds what it keeps: fields, choices, forms and the words of each', () => {
    const fields = outline(`<form>${'<input name="x">'.repeat(outlineLimits.fields + 10)}</form>`);
    expect(fields.forms[0]?.fields).toHaveLength(outlineLimits.fields);
    const options = outline(`<form><select name="s">${'<option>a'.repeat(outlineLimits.options + 10)}</select></form>`);
    expect(options.forms[0]?.fields[0]?.options).toHaveLength(outlineLimits.options);
    const forms = outline('<form><input name="x"></form>'.repeat(outlineLimits.forms + 5));
    expect(forms.forms).toHaveLength(outlineLimits.forms);
    const long = outline(`<form><textarea name="t">${'w'.repeat(10_000)}</textarea></form>`);
    expect(long.forms[0]?.fields[0]?.value).toHaveLength(outlineLimits.fieldText);
  });
});

describe("CM/ECF's error layout", () => {
  const errorPage = (content: string) =>
    `<div id="topmenu"><div class="bd"><a href="/cgi-bin/login.pl?logout">Logout</a></div></div>` +
    `<div id="cmecfMainContent"><input type="hidden" id="cmecfMainContentScroll" value="0">${content}</div>`;

  it('the bold words of a main content whose only control is Back', () => {
    expect(
      outline(
        errorPage(
          '<b>Unable to create PDF file.</b><p><input type="button" value="Back" onclick="history.back()"></p>',
        ),
      ).errorText,
    ).toBe('Unable to create PDF file.');
  });

  it('not a page that asks for more than going back, nor one without Back', () => {
    expect(
      outline(
        errorPage(
          '<form><b>Case number</b><input name="case_num"><input type="button" value="Back" onclick="history.back()"></form>',
        ),
      ).errorText,
    ).toBeNull();
    expect(outline(errorPage('<b>Docket Text: Final Text</b>')).errorText).toBeNull();
    // Bold words and a Back button outside the main content are the menu's, not an error.
    expect(outline('<b>Note</b><input type="button" value="Back" onclick="history.back()">').errorText).toBeNull();
  });

  const real = sharedFixture('cmecf/district_njd_filer-menubar_CivilEvents_CriminalEvents.html');
  it.skipIf(real === null)('a real error page of a district court', () => {
    expect(outline(readFileSync(real ?? '', 'utf8')).errorText).toBe('Unable to create PDF file.');
  });
});

describe("CM/ECF's menu bar and PRTYPE", () => {
  it('keeps the links inside div#topmenu only, and the PRTYPE the page script sets', () => {
    const page = outline(
      '<script>document.cookie = "PRTYPE=aty; path=/;"</script><div id="topmenu"><div class="bd"><ul><li><a href="/cgi-bin/iquery.pl">Query</a></ul></div></div>' +
        '<div id="cmecfMainContent"><a href="/cgi-bin/DktRpt.pl?5">Docket</a></div>',
    );
    expect(page.menuLinks).toEqual([{ url: 'https://ecf.example.uscourts.gov/cgi-bin/iquery.pl', text: 'Query' }]);
    expect(page.prType).toBe('aty');
  });
});
