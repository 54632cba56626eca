import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { courtProfiles } from '../../../src-main/core/court/court-profiles';
import { parseNotice } from '../../../src-main/core/inbox/nef/parse-notice';
import { checkNoticeLink, type UrlTrust, type UrlVerdict } from '../../../src-main/core/security/url-gate';
import { sharedFixture } from '../../support/paths';

/** What a real court's profile trusts (the CIT's): every court's CM/ECF host, the ACMS hosts it lists, no training court. */
const live: UrlTrust = { hosts: courtProfiles.cit.trustedHosts, loopbackOrigin: null };
const safe = { isAllowed: true };

const nysd = { court: 'nysd' };
const cit = { court: 'cit' };
const nysdDocument = 'https://ecf.nysd.uscourts.gov/doc1/127031722970?caseid=546923&de_seq_num=2447&magic_num=95806321';
const citDocument = 'https://ecf.cit.uscourts.gov/doc1/0141348336?caseid=1017&de_seq_num=12&magic_num=12345678';

function reasonOf(verdict: UrlVerdict): string {
  if (verdict.isAllowed) {
    throw new Error('Expected the link to be refused');
  }
  return verdict.reason;
}

describe("links to the court's own CM/ECF site", () => {
  it("accepts a district free-look link on the notice court's host", () => {
    expect(checkNoticeLink(nysdDocument, nysd, live)).toMatchObject(safe);
  });

  it('accepts a CIT doc1 link and its docket link', () => {
    expect(checkNoticeLink(citDocument, cit, live)).toMatchObject(safe);
    expect(checkNoticeLink('https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?1017', cit, live)).toMatchObject(safe);
  });

  it('accepts appellate docs1 and TransportRoom links', () => {
    const cafc = { court: 'cafc' };
    expect(
      checkNoticeLink('https://ecf.cafc.uscourts.gov/docs1/01301993624?uid=4c6ae1ed93856cd0', cafc, live),
    ).toMatchObject(safe);
    expect(
      checkNoticeLink(
        'https://ecf.cafc.uscourts.gov/n/beam/servlet/TransportRoom?servlet=DocketReportFilter.jsp&caseId=18362',
        cafc,
        live,
      ),
    ).toMatchObject(safe);
  });

  it('accepts a txsd link when the notice court is only known from the txs mail domain', () => {
    const notice = { court: null, fromAddress: 'DCECF_LiveDB@txs.uscourts.gov' };
    expect(
      checkNoticeLink(
        'https://ecf.txsd.uscourts.gov/doc1/179125467930?caseid=1&de_seq_num=2&magic_num=3',
        notice,
        live,
      ),
    ).toMatchObject(safe);
    expect(checkNoticeLink('https://ecf.txsd.uscourts.gov/doc1/179125467930', { court: 'txs' }, live)).toMatchObject(
      safe,
    );
  });

  it('accepts the ACMS document and case links of a ca9 or ca2 notice', () => {
    expect(
      checkNoticeLink(
        'https://ca9-showdoc.azurewebsites.us/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017',
        { court: 'ca9' },
        live,
      ),
    ).toMatchObject(safe);
    expect(checkNoticeLink('https://ca9-showdoc.azurewebsites.us/25-2120', { court: 'ca9' }, live)).toMatchObject(safe);
    expect(
      checkNoticeLink(
        'https://ca2-showdoc.azurewebsites.us/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017',
        { court: 'ca2' },
        live,
      ),
    ).toMatchObject(safe);
  });

  it("accepts the court's training database host as the court's own", () => {
    expect(checkNoticeLink('https://ecf-train.cit.uscourts.gov/doc1/0141348336?magic_num=1', cit, live)).toMatchObject(
      safe,
    );
  });
});

describe('links that may be phishing', () => {
  it('refuses another domain and says where the court link should have gone', () => {
    expect(reasonOf(checkNoticeLink('https://pacer-docs.example.com/doc1/127031722970', nysd, live))).toBe(
      "This link does not go to the court's own site (ecf.nysd.uscourts.gov): it may be phishing. ECF Desk did not open it.",
    );
  });

  it.each([
    ['a court name used as a subdomain', 'https://ecf.nysd.uscourts.gov.evil.com/doc1/127031722970'],
    ['a hyphenated look-alike domain', 'https://ecf.nysd.uscourts-gov.com/doc1/127031722970'],
    ['the court site of the wrong kind of host', 'https://www.nysd.uscourts.gov/doc1/127031722970'],
    ['a trailing dot', 'https://ecf.nysd.uscourts.gov./doc1/127031722970'],
  ])('refuses %s', (_name, url) => {
    expect(reasonOf(checkNoticeLink(url, nysd, live))).toMatch(
      /does not go to the court's own site \(ecf\.nysd\.uscourts\.gov\)/,
    );
  });

  it('refuses Unicode look-alike letters (punycode)', () => {
    expect(reasonOf(checkNoticeLink('https://ecf.сit.uscourts.gov/doc1/0141348336', cit, live))).toMatch(
      /look-alike letters/,
    );
    expect(reasonOf(checkNoticeLink('https://ecf.xn--it-gmc.uscourts.gov/doc1/0141348336', cit, live))).toMatch(
      /look-alike letters/,
    );
  });

  it('refuses a court name hidden in front of @, which only names a user', () => {
    expect(reasonOf(checkNoticeLink('https://ecf.cit.uscourts.gov@evil.com/doc1/0141348336', cit, live))).toMatch(
      /hides its real destination \(evil\.com\)/,
    );
  });

  it('refuses bare IP addresses, in any spelling', () => {
    expect(reasonOf(checkNoticeLink('https://203.0.113.7/doc1/0141348336', cit, live))).toMatch(/bare network address/);
    expect(reasonOf(checkNoticeLink('https://3405803783/doc1/0141348336', cit, live))).toMatch(
      /bare network address \(203\.0\.113\.7\)/,
    );
    expect(reasonOf(checkNoticeLink('https://[2001:db8::1]/doc1/0141348336', cit, live))).toMatch(
      /bare network address/,
    );
  });

  it('refuses a port on a court host', () => {
    expect(reasonOf(checkNoticeLink('https://ecf.cit.uscourts.gov:8443/doc1/0141348336', cit, live))).toMatch(
      /unusual port/,
    );
  });

  it('refuses plain http to a court host', () => {
    expect(reasonOf(checkNoticeLink('http://ecf.cit.uscourts.gov/doc1/0141348336', cit, live))).toMatch(
      /not encrypted/,
    );
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['file:', 'file:///etc/passwd'],
  ])('refuses %s links, which are not web pages', (_scheme, url) => {
    expect(reasonOf(checkNoticeLink(url, cit, live))).toMatch(/is not a web page/);
  });

  it('refuses links with hidden spaces, control characters or backslashes', () => {
    expect(reasonOf(checkNoticeLink('java\tscript:alert(1)', cit, live))).toMatch(/characters a court link never has/);
    expect(reasonOf(checkNoticeLink('https://evil.com\\@ecf.cit.uscourts.gov/doc1/1', cit, live))).toMatch(
      /characters a court link never has/,
    );
  });

  it("refuses a link to another court's site (a nysd notice linking to ecf.cacd)", () => {
    expect(
      reasonOf(
        checkNoticeLink(
          'https://ecf.cacd.uscourts.gov/doc1/031136951045?caseid=1&de_seq_num=2&magic_num=3',
          nysd,
          live,
        ),
      ),
    ).toBe(
      "This link goes to another court's site (ecf.cacd.uscourts.gov), not to this notice's court (ecf.nysd.uscourts.gov): it may be phishing. ECF Desk did not open it.",
    );
  });

  it('refuses an ACMS host of another circuit, of a circuit the profile does not list, or of a court that is not a circuit', () => {
    expect(
      reasonOf(
        checkNoticeLink(
          'https://ca2-showdoc.azurewebsites.us/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017',
          { court: 'ca9' },
          live,
        ),
      ),
    ).toMatch(/another court's site/);
    expect(
      reasonOf(
        checkNoticeLink(
          'https://ca1-showdoc.azurewebsites.us/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017',
          { court: 'ca1' },
          live,
        ),
      ),
    ).toMatch(/does not go to the court's own site/);
    expect(
      reasonOf(
        checkNoticeLink('https://nysd-showdoc.azurewebsites.us/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017', nysd, live),
      ),
    ).toMatch(/does not go to the court's own site/);
  });

  it('refuses an ACMS address that only carries /NDA/<guid> in its query, or in a path of its own', () => {
    const forged =
      'https://ca9-showdoc.azurewebsites.us/admin/delete-everything?confirm=1&x=/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017';
    expect(reasonOf(checkNoticeLink(forged, { court: 'ca9' }, live))).toMatch(
      /unexpected page of the court's site \(\/admin\/delete-everything\)/,
    );
    expect(
      reasonOf(
        checkNoticeLink(
          'https://ca9-showdoc.azurewebsites.us/x/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017',
          { court: 'ca9' },
          live,
        ),
      ),
    ).toMatch(/unexpected page/);
  });

  it('refuses court pages that are neither documents nor dockets', () => {
    expect(reasonOf(checkNoticeLink('https://ecf.cit.uscourts.gov/login/reset-password', cit, live))).toMatch(
      /unexpected page/,
    );
  });

  it('refuses a court link when the notice does not say which court sent it', () => {
    expect(reasonOf(checkNoticeLink(citDocument, { court: null, fromAddress: 'someone@example.com' }, live))).toMatch(
      /could not tell which court/,
    );
  });
});

describe("the app's own training court", () => {
  const training: UrlTrust = {
    hosts: courtProfiles['cit-training'].trustedHosts,
    loopbackOrigin: 'http://127.0.0.1:51234',
  };

  it('accepts http on the exact loopback origin the training court runs on, for a notice of its court (the CIT)', () => {
    const link = 'http://127.0.0.1:51234/doc1/0141000123?caseid=1017&de_seq_num=3&magic_num=12345678';
    expect(checkNoticeLink(link, cit, training)).toEqual({ isAllowed: true, url: link });
  });

  it('refuses another port, another spelling of this computer, or a profile with no training court running', () => {
    expect(reasonOf(checkNoticeLink('http://127.0.0.1:51235/doc1/0141000123', cit, training))).toMatch(
      /program on this computer \(127\.0\.0\.1:51235\).*training court ECF Desk runs is at 127\.0\.0\.1:51234/,
    );
    expect(reasonOf(checkNoticeLink('http://localhost:51234/doc1/0141000123', cit, training))).toMatch(
      /program on this computer/,
    );
    expect(reasonOf(checkNoticeLink('http://127.0.0.1:51234/doc1/0141000123', cit, live))).toMatch(
      /program on this computer/,
    );
    expect(
      reasonOf(checkNoticeLink('http://127.0.0.1:51234/doc1/0141000123', cit, { ...training, loopbackOrigin: null })),
    ).toMatch(/program on this computer/);
  });

  it('accepts its own notices, whose sender (`cit-training.localhost`) names no court', () => {
    expect(
      checkNoticeLink(
        'http://127.0.0.1:51234/doc1/0141000123?magic_num=1',
        { court: null, fromAddress: 'cmecf_training@cit-training.localhost' },
        training,
      ),
    ).toMatchObject(safe);
  });

  it("refuses the training court's address in a notice from another court", () => {
    expect(reasonOf(checkNoticeLink('http://127.0.0.1:51234/doc1/0141000123', nysd, training))).toMatch(
      /not from the training court's court/,
    );
  });

  it('trusts only a loopback origin as the training court, and never a page outside its documents and dockets', () => {
    expect(
      reasonOf(
        checkNoticeLink('http://court.example:8080/doc1/1', cit, {
          ...training,
          loopbackOrigin: 'http://court.example:8080',
        }),
      ),
    ).toMatch(/not encrypted/);
    expect(
      reasonOf(checkNoticeLink('http://127.0.0.1:51234/admin/delete-everything?confirm=1', cit, training)),
    ).toMatch(/unexpected page/);
  });
});

/** Every email notice juriscraper ships (MANIFEST.tsv kinds nef-eml and nda-eml). */
function fixtureNotices(): string[] {
  const manifest = sharedFixture('nef/MANIFEST.tsv');
  if (!manifest) {
    return [];
  }
  return readFileSync(manifest, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((columns) => /^n[de][fa]-eml$/.test(columns[4] ?? ''))
    .map((columns) => columns[2] ?? '');
}

/** A notice's free-look links: each docket's document link and each document's own (ACMS). */
async function documentLinks(notice: string): Promise<{ court: string | null; links: string[] }> {
  const parsed = await parseNotice(readFileSync(sharedFixture(`nef/${notice}`) ?? ''));
  const links = [
    ...parsed.dockets.map((docket) => docket.documentUrl),
    ...parsed.attachments.map((attachment) => attachment.documentUrl),
  ];
  return { court: parsed.court, links: links.filter((url): url is string => url !== null) };
}

describe("the real fixtures' links", () => {
  const notices = fixtureNotices();

  it.skipIf(notices.length === 0)('the 36 email notices carry 63 document links in all', async () => {
    expect(notices).toHaveLength(36);
    const counts = await Promise.all(notices.map(async (notice) => (await documentLinks(notice)).links.length));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(63);
  });

  for (const notice of notices) {
    it(`${notice}: every document link is the court's own`, async () => {
      const { court, links } = await documentLinks(notice);
      for (const url of links) {
        expect(checkNoticeLink(url, { court }, live), url).toMatchObject(safe);
      }
    });
  }
});
