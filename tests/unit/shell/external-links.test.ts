import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src-main/core/security/url-gate';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://uscourts.gov',
    'https://www.uscourts.gov/court-records',
    'https://ecf.cit.uscourts.gov/cgi-bin/login.pl',
    'https://pacer.uscourts.gov/file-case/get-ready',
    'https://pacer.gov',
    'https://pacer.login.uscourts.gov/csologin/login.jsf',
    'https://www.pacer.gov/reg_pacer.html',
    'https://ECF.CIT.USCOURTS.GOV/',
    'https://ecf.cit.uscourts.gov:443/',
  ])('opens the courts’ own https address %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['a look-alike host that only starts with the court domain', 'https://uscourts.gov.evil.com'],
    ['a look-alike subdomain of another site', 'https://ecf.cit.uscourts.gov.evil.com/login'],
    ['a host that merely ends in the same letters', 'https://notuscourts.gov'],
    ['the court domain hidden in the path', 'https://evil.com/uscourts.gov'],
    ['the court domain hidden in the query', 'https://evil.com/?next=https://uscourts.gov'],
    ['a user name before the court host', 'https://user@ecf.cit.uscourts.gov'],
    ['a user name and password before the court host', 'https://user:secret@ecf.cit.uscourts.gov/'],
    ['the court domain used as a user name', 'https://uscourts.gov@evil.com/'],
    ['an odd port', 'https://ecf.cit.uscourts.gov:8443/'],
    ['plain http', 'http://ecf.cit.uscourts.gov/'],
    ['a javascript: link', 'javascript:alert(document.domain)'],
    ['a file: link', 'file:///etc/passwd'],
    ['a data: link', 'data:text/html,<script>alert(1)</script>'],
    ['a backslash trick', 'https://evil.com\\@uscourts.gov'],
    ['a trailing-dot host', 'https://uscourts.gov./'],
    ['an IP address', 'https://93.184.216.34/'],
    ['something that is not a URL', 'ecf.cit.uscourts.gov'],
    ['an empty string', ''],
  ])('refuses %s', (_reason, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('hosts added by machine policy (externalLinkAllowlist)', () => {
  it('opens an exact host the firm allows, over https only, and nothing that merely looks like it', () => {
    const firm = ['intranet.firm.example'];
    expect(isAllowedExternalUrl('https://intranet.firm.example/ecf-help', firm)).toBe(true);
    expect(isAllowedExternalUrl('http://intranet.firm.example/ecf-help', firm)).toBe(false);
    expect(isAllowedExternalUrl('https://intranet.firm.example.evil.example/', firm)).toBe(false);
    expect(isAllowedExternalUrl('https://evil.intranet.firm.example/', firm)).toBe(false);
    expect(isAllowedExternalUrl('https://intranet.firm.example@evil.example/', firm)).toBe(false);
    expect(isAllowedExternalUrl('https://intranet.firm.example/', [])).toBe(false);
  });
});
