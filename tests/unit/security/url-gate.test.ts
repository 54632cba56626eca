import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courtProfiles, urlTrustOf } from '../../../src-main/core/court/court-profiles';
import type { CourtFetch } from '../../../src-main/core/court/pacer-login';
import { gateCourtFetch, gateFirmServerFetch } from '../../../src-main/core/security/gated-fetch';
import {
  checkCourtHop,
  checkCourtRequest,
  checkExternalUrl,
  checkFirmServerAddress,
  checkFirmServerRequest,
  isCourtLoginPage,
  RefusedUrlError,
  type UrlTrust,
  type UrlVerdict,
} from '../../../src-main/core/security/url-gate';
import type { CourtStatus } from '../../../src-main/shared/domain';
import { projectRoot } from '../../support/paths';

const live: UrlTrust = { hosts: courtProfiles.cit.trustedHosts, loopbackOrigin: null };
const training: UrlTrust = {
  hosts: courtProfiles['cit-training'].trustedHosts,
  loopbackOrigin: 'http://127.0.0.1:51234',
};

function reasonOf(verdict: UrlVerdict): string {
  if (verdict.isAllowed) {
    throw new Error(`Expected a refusal, got ${verdict.url}`);
  }
  return verdict.reason;
}

describe('what a court profile trusts', () => {
  it('the hosts are data in the profile: every court’s CM/ECF and training database, ACMS for ca2 and ca9 only, PACER’s login', () => {
    expect(courtProfiles.cit.trustedHosts).toEqual({
      cmecfHosts: ['ecf.{court}.uscourts.gov', 'ecf-train.{court}.uscourts.gov'],
      acmsHosts: { ca2: 'ca2-showdoc.azurewebsites.us', ca9: 'ca9-showdoc.azurewebsites.us' },
      loginHosts: ['pacer.login.uscourts.gov'],
      loopbackCourt: null,
    });
    expect(courtProfiles['cit-training'].trustedHosts.loopbackCourt).toBe('cit');
  });

  it('the training court’s exact origin is trusted once it runs, and only with the training profile', () => {
    const status = (profileId: CourtStatus['profileId'], ecfUrl: string | null): CourtStatus => ({
      profileId,
      name: '',
      kind: profileId === 'cit' ? 'live' : 'training',
      isExperimental: false,
      state: 'ready',
      ecfUrl,
      loginServiceUrl: null,
      message: null,
    });
    expect(urlTrustOf(status('cit-training', 'http://127.0.0.1:51234')).loopbackOrigin).toBe('http://127.0.0.1:51234');
    expect(urlTrustOf(status('cit-training', null)).loopbackOrigin).toBeNull();
    expect(urlTrustOf(status('cit', 'https://ecf.cit.uscourts.gov')).loopbackOrigin).toBeNull();
  });
});

describe('court requests', () => {
  it.each([
    [
      'a free look on any court’s CM/ECF',
      'https://ecf.nysd.uscourts.gov/doc1/127031722970?caseid=546923&de_seq_num=2447&magic_num=95806321&use_magic=1',
    ],
    [
      'a page in the court’s cgi-bin',
      'https://ecf.cit.uscourts.gov/cgi-bin/show_temp.pl?file=abc&type=application/pdf',
    ],
    ['a training database', 'https://ecf-train.cit.uscourts.gov/cgi-bin/login.pl'],
    ['PACER’s login service', 'https://pacer.login.uscourts.gov/services/cso-auth'],
    ['an ACMS document', 'https://ca9-showdoc.azurewebsites.us/NDA/387d07d4-4f3c-f011-b4cc-001dd80ba017'],
  ])('allows %s', (_what, url) => {
    expect(checkCourtRequest(url, live)).toEqual({ isAllowed: true, url });
  });

  it('allows the training court’s pages and login contract on its exact origin', () => {
    for (const path of [
      '/doc1/0141000123?magic_num=1',
      '/cgi-bin/filing/start',
      '/services/cso-auth',
      '/services/cso-logout',
    ]) {
      expect(checkCourtRequest(`http://127.0.0.1:51234${path}`, training)).toMatchObject({ isAllowed: true });
    }
  });

  it.each([
    ['the training court’s admin API', 'http://127.0.0.1:51234/admin/faults', /unexpected page/],
    ['another port on this computer', 'http://127.0.0.1:8080/doc1/1', /program on this computer/],
    [
      'a court page outside documents and dockets',
      'https://ecf.cit.uscourts.gov/admin/delete-everything?confirm=1',
      /unexpected page/,
    ],
    ['an escaped way out of /doc1/', 'https://ecf.cit.uscourts.gov/doc1/..%2Fadmin', /unexpected page/],
    ['a host no profile names', 'https://intranet.firm.example/doc1/1', /not a court site/],
    ['PACER’s login host outside its login pages', 'https://pacer.login.uscourts.gov/admin', /unexpected page/],
    ['plain http to a court', 'http://ecf.cit.uscourts.gov/doc1/1', /not encrypted/],
  ])('refuses %s', (_what, url, reason) => {
    expect(reasonOf(checkCourtRequest(url, training))).toMatch(reason);
  });

  it('drops the fragment, which is never sent anyway', () => {
    expect(checkCourtRequest('https://ecf.cit.uscourts.gov/doc1/0141000123?magic_num=1#page=2', live)).toEqual({
      isAllowed: true,
      url: 'https://ecf.cit.uscourts.gov/doc1/0141000123?magic_num=1',
    });
  });
});

describe('links and redirects on a court page', () => {
  const page = 'https://ecf.cit.uscourts.gov/doc1/0141000123?magic_num=1&use_magic=1';

  it('follows a relative frame or menu link on the page’s own origin', () => {
    expect(checkCourtHop('/cgi-bin/show_temp.pl?file=abc', page)).toEqual({
      isAllowed: true,
      url: 'https://ecf.cit.uscourts.gov/cgi-bin/show_temp.pl?file=abc',
    });
  });

  it.each([
    ['another host', 'https://evil.example/doc1/1'],
    ['another court', 'https://ecf.nysd.uscourts.gov/doc1/1'],
    ['a scheme-relative link elsewhere', '//evil.example/doc1/1'],
    ['a backslash that browsers read as a slash', '\\\\evil.example\\doc1'],
    ['the same host over http', 'http://ecf.cit.uscourts.gov/doc1/1'],
    ['a user name in front of the host', 'https://ecf.cit.uscourts.gov@evil.example/doc1/1'],
  ])('refuses %s', (_what, href) => {
    expect(checkCourtHop(href, page).isAllowed).toBe(false);
  });

  it('recognises PACER’s login page as the end of a used free look, without trusting anything else that says "login"', () => {
    expect(isCourtLoginPage('https://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=CIT')).toBe(true);
    expect(isCourtLoginPage('https://evil.example/login')).toBe(false);
    expect(isCourtLoginPage('http://pacer.login.uscourts.gov/csologin/login.jsf')).toBe(false);
  });
});

describe('opening a link in the browser', () => {
  it('opens the address as the gate read it', () => {
    expect(checkExternalUrl('https://ECF.CIT.USCOURTS.GOV:443/cgi-bin/login.pl#top')).toEqual({
      isAllowed: true,
      url: 'https://ecf.cit.uscourts.gov/cgi-bin/login.pl#top',
    });
  });

  it('refuses a full-width dot that would read as a court host', () => {
    expect(checkExternalUrl('https://uscourts．gov/').isAllowed).toBe(false);
  });
});

/** A network that records what reached it and answers from `pages` (by full address), 404 otherwise. */
function network(pages: Record<string, () => Response>) {
  const reached: { url: string; headers: Record<string, string>; method: string; redirect: unknown }[] = [];
  const fetchCourt: CourtFetch = async (url, init) => {
    reached.push({ url, headers: init.headers, method: init.method, redirect: (init as RequestInit).redirect });
    return pages[url]?.() ?? new Response('not found', { status: 404 });
  };
  return { fetchCourt, reached };
}

const redirect =
  (location: string, status = 302) =>
  () =>
    new Response(null, { status, headers: { location } });
const init = { method: 'GET', headers: { cookie: 'NextGenCSO=secret' }, signal: AbortSignal.timeout(5_000) };

describe('the gated fetch (all court traffic)', () => {
  it('never lets a refused address reach the network', async () => {
    const { fetchCourt, reached } = network({});
    const gated = gateCourtFetch(fetchCourt, () => live);
    await expect(gated('http://127.0.0.1:9/admin/delete-everything?confirm=1', init)).rejects.toThrow(RefusedUrlError);
    await expect(gated('https://ecf.cit.uscourts.gov@127.0.0.1/doc1/1', init)).rejects.toMatchObject({
      code: 'link.unsafe',
    });
    expect(reached).toEqual([]);
  });

  it('checks every redirect before following it, and stops at one the gate refuses', async () => {
    const { fetchCourt, reached } = network({
      'https://ecf.cit.uscourts.gov/doc1/1': redirect('/cgi-bin/show_temp.pl?file=a'),
      'https://ecf.cit.uscourts.gov/cgi-bin/show_temp.pl?file=a': redirect(
        'http://127.0.0.1:9/admin/delete-everything',
      ),
    });
    await expect(gateCourtFetch(fetchCourt, () => live)('https://ecf.cit.uscourts.gov/doc1/1', init)).rejects.toThrow(
      /program on this computer/,
    );
    expect(reached.map((request) => request.url)).toEqual([
      'https://ecf.cit.uscourts.gov/doc1/1',
      'https://ecf.cit.uscourts.gov/cgi-bin/show_temp.pl?file=a',
    ]);
    expect(reached.every((request) => request.redirect === 'manual')).toBe(true);
  });

  it('hands a redirect back to a caller that asked for them, without following it', async () => {
    const { fetchCourt, reached } = network({
      'https://ecf.cit.uscourts.gov/doc1/1': redirect('https://evil.example/'),
    });
    const response = await gateCourtFetch(fetchCourt, () => live)('https://ecf.cit.uscourts.gov/doc1/1', {
      ...init,
      redirect: 'manual',
    } as Parameters<CourtFetch>[1]);
    expect(response.status).toBe(302);
    expect(reached).toHaveLength(1);
  });

  it('keeps the session on the same court, drops it when a redirect changes origin, and reads a 303 with GET', async () => {
    const { fetchCourt, reached } = network({
      'https://ecf.cit.uscourts.gov/cgi-bin/login.pl': redirect(
        'https://pacer.login.uscourts.gov/csologin/login.jsf',
        303,
      ),
      'https://pacer.login.uscourts.gov/csologin/login.jsf': () => new Response('<h3>PACER Login</h3>'),
    });
    const response = await gateCourtFetch(fetchCourt, () => live)('https://ecf.cit.uscourts.gov/cgi-bin/login.pl', {
      ...init,
      method: 'POST',
      body: 'a=1',
      headers: { ...init.headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await response.text()).toContain('PACER Login');
    expect(reached[0]?.headers).toMatchObject({ cookie: 'NextGenCSO=secret' });
    expect(reached[1]).toMatchObject({ method: 'GET' });
    expect(reached[1]?.headers).toEqual({});
  });

  it('does not follow a redirect it cannot see (an opaque answer) or an endless chain', async () => {
    const opaque: CourtFetch = async () =>
      Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    await expect(gateCourtFetch(opaque, () => live)('https://ecf.cit.uscourts.gov/doc1/1', init)).rejects.toThrow(
      /without saying which/,
    );
    const { fetchCourt } = network(
      Object.fromEntries(
        Array.from({ length: 10 }, (_, index) => [
          `https://ecf.cit.uscourts.gov/doc1/${index}`,
          redirect(`/doc1/${index + 1}`),
        ]),
      ),
    );
    await expect(gateCourtFetch(fetchCourt, () => live)('https://ecf.cit.uscourts.gov/doc1/0', init)).rejects.toThrow(
      /address to address/,
    );
  });
});

describe('the firm server (its address, its requests)', () => {
  it.each([
    ['https://ecf-desk.firm.example', 'https://ecf-desk.firm.example'],
    ['https://ecf-desk.firm.example:8443/', 'https://ecf-desk.firm.example:8443'],
    ['  https://10.0.4.20:8443  ', 'https://10.0.4.20:8443'],
    ['https://docket', 'https://docket'],
    ['http://127.0.0.1:8123', 'http://127.0.0.1:8123'],
    ['http://localhost:8123/', 'http://localhost:8123'],
  ])('takes %j as the origin %j', (url, origin) => {
    expect(checkFirmServerAddress(url)).toEqual({ isAllowed: true, url: origin });
  });

  it.each([
    ['http://ecf-desk.firm.example', /not encrypted \(http\)/],
    ['http://10.0.4.20:8080', /must use https/],
    ['ftp://ecf-desk.firm.example', /not a web address \(ftp:\)/],
    ['https://admin:secret@ecf-desk.firm.example', /user name or password/],
    ['https://ecf-desk.firm.example@evil.example', /user name or password/],
    ['https://ecf-desk.firm.example/api', /nothing after the host and port/],
    ['https://ecf-desk.firm.example/?next=evil', /nothing after the host and port/],
    ['https://xn--ecf-dsk-wxa.firm.example', /look-alike letters/],
    ['https://ecf desk.firm.example', /spaces or characters/],
    ['ecf-desk.firm.example', /not a web address/],
    [`https://${'a'.repeat(2100)}.example`, /too long/],
  ])('refuses %j, saying why', (url, reason) => {
    expect(reasonOf(checkFirmServerAddress(url))).toMatch(reason);
  });

  it('sends requests to the one origin set, to its status and /api/ routes only', () => {
    const origin = 'https://ecf-desk.firm.example:8443';
    expect(checkFirmServerRequest(`${origin}/api/me`, origin)).toEqual({ isAllowed: true, url: `${origin}/api/me` });
    expect(checkFirmServerRequest(`${origin}/health`, origin).isAllowed).toBe(true);
    for (const url of [
      'https://ecf-desk.firm.example/api/me',
      'https://evil.example:8443/api/me',
      'http://ecf-desk.firm.example:8443/api/me',
      `${origin}/admin`,
      `${origin}/api/../admin`,
      `${origin}/api/%2e%2e/admin`,
      `${origin}//api/me`,
    ]) {
      expect(checkFirmServerRequest(url, origin).isAllowed, url).toBe(false);
    }
  });

  it('the gated fetch asks nothing of the network off the origin, and follows no redirect', async () => {
    const asked: string[] = [];
    const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
    let next = answer(200);
    const fetchAny: CourtFetch = async (url) => {
      asked.push(url);
      return next;
    };
    let origin: string | null = 'https://ecf-desk.firm.example';
    const gated = gateFirmServerFetch(fetchAny, () => origin);
    const init = { method: 'GET', headers: { authorization: 'Bearer t' }, signal: new AbortController().signal };

    await expect(gated('https://evil.example/api/me', init)).rejects.toBeInstanceOf(RefusedUrlError);
    expect((await gated('https://ecf-desk.firm.example/api/me', init)).status).toBe(200);
    next = answer(302, { location: 'https://evil.example/steal' });
    await expect(gated('https://ecf-desk.firm.example/api/me', init)).rejects.toThrow(
      /never does: nothing was followed/,
    );
    origin = null;
    await expect(gated('https://ecf-desk.firm.example/api/me', init)).rejects.toThrow(/No firm server is set up/);
    expect(asked).toEqual(['https://ecf-desk.firm.example/api/me', 'https://ecf-desk.firm.example/api/me']);
  });
});

describe('no way around the gate', () => {
  /** Every TypeScript file of core, with its text. */
  function coreFiles(): { file: string; text: string }[] {
    const root = path.join(projectRoot, 'src-main', 'core');
    return readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => ({ file: file.split(path.sep).join('/'), text: readFileSync(path.join(root, file), 'utf8') }));
  }

  it('core reaches the network with the global fetch in one place only: the host’s fetch, handed only to the gates', () => {
    const calls = coreFiles().flatMap(({ file, text }) => [...text.matchAll(/(?<![.\w])fetch\(/g)].map(() => file));
    expect(calls).toEqual(['app-services.ts']);
    const services = coreFiles().find(({ file }) => file === 'app-services.ts')?.text ?? '';
    expect(services).toMatch(
      /const hostFetch: CourtFetch = options\.fetch \?\? \(\(url, init\) => fetch\(url, init\)\);/,
    );
    // Defined once, and given to the court's gate and to the firm server connection, which wraps it in its own gate.
    expect([...services.matchAll(/\bhostFetch\b/g)]).toHaveLength(3);
    expect(services).toMatch(/gateCourtFetch\(hostFetch, urlTrust\)/);
    expect(services).toMatch(/createFirmConnection\(\{\s*fetch: hostFetch,/);
    const firm = coreFiles().find(({ file }) => file === 'firm-connection/firm-connection.ts')?.text ?? '';
    expect([...firm.matchAll(/options\.fetch\b/g)]).toHaveLength(1);
    expect(firm).toMatch(/gateFirmServerFetch\(options\.fetch, /);
  });

  it('core opens no sockets of its own for court traffic (no http, https, net or undici)', () => {
    const imports = coreFiles()
      .filter(({ text }) => /from '(?:node:)?(?:http|https|net|tls|undici)'/.test(text))
      .map(({ file }) => file);
    expect(imports).toEqual([]);
  });
});
