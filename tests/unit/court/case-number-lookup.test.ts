import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { notLoggedInReply, readCaseNumberLookup } from '../../../src-main/core/court/case-number-lookup';
import { readFilingPage } from '../../../src-main/core/court/read-filing-page';
import { sharedFixture } from '../../support/paths';

/** A real reply of `possible_case_numbers.pl` from the shared fixtures, or null when they are absent. */
function realReply(name: string): string | null {
  const file = sharedFixture(`cmecf/possible_case_numbers_${name}.xml`);
  return file === null ? null : readFileSync(file, 'utf8');
}

const armes = realReply('armes-v-hot-pizzas');
const technology = realReply('technology-properties');
const veterans = realReply('veterans-legal-services');
const none = realReply('no_results');
const sealed = realReply('sealed_case');

describe('the replies of real courts to the case-number lookup', () => {
  it.skipIf(armes === null)('four matches of 16-01152, closed, across case types', () => {
    expect(readCaseNumberLookup(armes ?? '')).toEqual({
      kind: 'cases',
      cases: [
        { caseId: 1000068, caseNumber: '2:16-cr-01152-JZB', caption: 'USA v. Abuarar' },
        { caseId: 977547, caseNumber: '2:16-cv-01152-JJT', caption: 'Armes v. Hot Pizzas LLC' },
        { caseId: 969094, caseNumber: '2:16-mj-01152-JFM', caption: 'USA v. Perez' },
        { caseId: 985777, caseNumber: '4:16-cr-01152-RCC-LCK', caption: 'USA v. Martinez' },
      ],
    });
  });

  it.skipIf(technology === null || veterans === null)('one match, closed or open', () => {
    expect(readCaseNumberLookup(technology ?? '')).toEqual({
      kind: 'cases',
      cases: [
        {
          caseId: 257622,
          caseNumber: '3:12-cv-03879-VC',
          caption: 'Technology Properties Limited LLC et al v. Novatel Wireless, Inc.',
        },
      ],
    });
    expect(readCaseNumberLookup(veterans ?? '')).toEqual({
      kind: 'cases',
      cases: [
        {
          caseId: 178502,
          caseNumber: '1:16-cv-00745-ESH',
          caption: 'NATIONAL VETERANS LEGAL SERVICES PROGRAM et al v. UNITED STATES OF AMERICA',
        },
      ],
    });
  });

  it.skipIf(none === null || sealed === null)('no case, and a sealed one (single-quoted)', () => {
    expect(readCaseNumberLookup(none ?? '')).toEqual({ kind: 'no-case', message: 'Cannot find case 8202055' });
    expect(readCaseNumberLookup(sealed ?? '')).toEqual({ kind: 'sealed', message: 'Case Under Seal' });
  });
});

describe('reading a case-number lookup reply', () => {
  it('reads matches, no match, a sealed case and an ended session, built here in the forms courts use', () => {
    const reply =
      "<request number='26-123'>\n  <case number='1:26-cv-123' id='1017' title='1:26-cv-00123-MMB Acme Steel Corp. &amp; Co. v. United States'/>\n" +
      '  <case number="1:25-cv-123" id="900" title="1:25-cv-00123 Old v. United States (closed 01/02/2026)"/>\n</request>';
    expect(readCaseNumberLookup(reply)).toEqual({
      kind: 'cases',
      cases: [
        { caseId: 1017, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Steel Corp. & Co. v. United States' },
        { caseId: 900, caseNumber: '1:25-cv-00123', caption: 'Old v. United States' },
      ],
    });
    expect(readCaseNumberLookup('<request number="1"><message text="Cannot find case 1"/></request>')).toEqual({
      kind: 'no-case',
      message: 'Cannot find case 1',
    });
    expect(readCaseNumberLookup("<request number='2'><message text='Case Under Seal'/></request>")).toEqual({
      kind: 'sealed',
      message: 'Case Under Seal',
    });
    expect(readCaseNumberLookup(`${notLoggedInReply}\n`)).toEqual({ kind: 'not-logged-in' });
    expect(readCaseNumberLookup('<request number="3"></request>')).toEqual({ kind: 'cases', cases: [] });
  });

  it('takes the short number where a title does not start with one, and skips rows without a usable id', () => {
    const reply =
      '<request number="5"><case number="1:26-cv-5" id="5" title="Caption only"/>' +
      '<case number="1:26-cv-6" id="x6" title="1:26-cv-00006 Bad id"/>' +
      '<case number="1:26-cv-7" id="99999999999999999999" title="1:26-cv-00007 Too big"/></request>';
    expect(readCaseNumberLookup(reply)).toEqual({
      kind: 'cases',
      cases: [{ caseId: 5, caseNumber: '1:26-cv-5', caption: 'Caption only' }],
    });
  });

  it('reads pages that are not replies as nothing, and an ended session as the login the driver acts on', () => {
    for (const page of [
      '',
      '<!DOCTYPE html><html><body>Case <request> text</body></html>',
      'Not logged',
      '<case id="1"/>',
    ]) {
      expect(readCaseNumberLookup(page), page).toEqual({ kind: 'unknown' });
    }
    expect(readFilingPage('cit-training', notLoggedInReply).kind).toBe('login');
    expect(
      readFilingPage('cit-training', "<request number='2'><message text='Case Under Seal'/></request>").error,
    ).toMatch(/^The court answers "Case Under Seal"/);
  });

  it('bounds what a hostile reply can make it keep or cost', () => {
    const many = `<request number="1">${'<case number="1:26-cv-1" id="1" title="1:26-cv-00001 A v. B"/>'.repeat(20_000)}</request>`;
    const lookup = readCaseNumberLookup(many);
    expect(lookup.kind === 'cases' ? lookup.cases.length : -1).toBe(500);

    const long = readCaseNumberLookup(
      `<request><case number="1:26-cv-1" id="1" title="1:26-cv-00001 ${'x'.repeat(100_000)}"/></request>`,
    );
    expect(long.kind === 'cases' ? long.cases[0]?.caption.length : -1).toBe(500);

    // Unclosed quotes, tags and entities in bulk: read in one pass (the tokenizer is linear), whatever it holds.
    const junk = `<request number="${'<case title="'.repeat(50_000)}${'&amp;'.repeat(50_000)}`;
    expect(readCaseNumberLookup(junk).kind).toBe('unknown');
  });
});
