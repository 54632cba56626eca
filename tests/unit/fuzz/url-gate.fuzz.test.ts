import { describe, expect, it } from 'vitest';
import { courtProfiles } from '../../../src-main/core/court/court-profiles';
import {
  checkCourtHop,
  checkCourtRequest,
  checkExternalUrl,
  checkNoticeLink,
  type UrlTrust,
  type UrlVerdict,
} from '../../../src-main/core/security/url-gate';
import { seededRandom, type SeededRandom } from '../../support/seeded-random';

// Generated addresses against the URL gate. Every address it accepts must be one the app may really request: it
// parses, is https (or exactly the training court's loopback origin), names no user, and has the host, port and path
// of a court link. Every mutation of a good link (the tricks of phishing and request forgery) is refused, or read as
// the very same court: it never moves the request to another origin. A failure names its seed and case.

const seeds = [1, 7, 42, 2026];
const casesPerSeed = 1_500;

const training: UrlTrust = {
  hosts: courtProfiles['cit-training'].trustedHosts,
  loopbackOrigin: 'http://127.0.0.1:51234',
};
const live: UrlTrust = { hosts: courtProfiles.cit.trustedHosts, loopbackOrigin: null };
const guid = '387d07d4-4f3c-f011-b4cc-001dd80ba017';

/** Good links: what each court's notices really carry, with the court the notice is from and the trust in force. */
const goodLinks: readonly { url: string; court: string; trust: UrlTrust }[] = [
  {
    url: 'https://ecf.cit.uscourts.gov/doc1/0141348336?caseid=1017&de_seq_num=12&magic_num=12345678',
    court: 'cit',
    trust: live,
  },
  {
    url: 'https://ecf.nysd.uscourts.gov/doc1/127031722970?caseid=546923&de_seq_num=2447&magic_num=95806321',
    court: 'nysd',
    trust: live,
  },
  {
    url: 'https://ecf.deb.uscourts.gov/doc1/042021533455?pdf_header=&magic_num=47456538&de_seq_num=1312&caseid=192329',
    court: 'deb',
    trust: training,
  },
  { url: 'https://ecf.cafc.uscourts.gov/docs1/01301993624?uid=4c6ae1ed93856cd0', court: 'cafc', trust: live },
  { url: 'https://ecf.cit.uscourts.gov/cgi-bin/DktRpt.pl?1017', court: 'cit', trust: live },
  { url: 'https://ecf-train.cit.uscourts.gov/doc1/0141348336?magic_num=1', court: 'cit', trust: training },
  { url: `https://ca9-showdoc.azurewebsites.us/NDA/${guid}`, court: 'ca9', trust: live },
  { url: 'https://ca2-showdoc.azurewebsites.us/25-2120', court: 'ca2', trust: training },
  {
    url: 'http://127.0.0.1:51234/doc1/0141000123?caseid=1017&de_seq_num=3&magic_num=12345678',
    court: 'cit',
    trust: training,
  },
];

const courtPath = /^\/(?:doc1|docs1|cgi-bin|n\/beam\/servlet)\//i;
const acmsPath = new RegExp(
  `^/(?:NDA/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/?|\\d{2}-\\d+/?)$`,
  'i',
);
const disguisedPath = /%(?:2e|2f|5c|00)|\/\/|\/\.\.?(?:\/|$)/i;

/** Replaces the host (and port) of `url` as written, keeping everything else as it is. */
function withAuthority(url: string, authority: (current: string) => string): string {
  return url.replace(
    /^([a-z]+:\/\/)([^/?#]*)/i,
    (_all, scheme: string, current: string) => `${scheme}${authority(current)}`,
  );
}

function withPath(url: string, path: (current: string) => string): string {
  return url.replace(
    /^([a-z]+:\/\/[^/?#]*)([^?#]*)/i,
    (_all, origin: string, current: string) => `${origin}${path(current)}`,
  );
}

const hostOnly = (authority: string): string => authority.replace(/:\d*$/, '');
const lookAlikes: Readonly<Record<string, string>> = { c: 'с', o: 'о', a: 'а', e: 'е', p: 'р', s: 'ѕ' };
const loopbackSpellings = [
  '127.0.0.1',
  '2130706433',
  '0x7f000001',
  '0177.0.0.1',
  '127.1',
  '0x7f.0.0.1',
  '017700000001',
  '127.000.000.001',
  'localhost',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '[0:0:0:0:0:0:0:1]',
];
const publicSpellings = [
  '203.0.113.7',
  '3405803783',
  '0xcb.0x0.0x71.0x7',
  '[2001:db8::1]',
  '10.0.0.1',
  '169.254.169.254',
];
const hiddenCharacters = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u200b',
];

/** One trick an attacker plays on a link, chosen at random. */
const mutations: readonly ((url: string, random: SeededRandom) => string)[] = [
  (url, random) =>
    withAuthority(
      url,
      (current) => `${random.pick(['user', 'user:secret', 'ecf.cit.uscourts.gov', '', ':'])}@${current}`,
    ),
  (url, random) =>
    withAuthority(
      url,
      (current) => `${hostOnly(current)}:${random.pick(['443', '8443', '80', '0443', '', '51234', '65536', '1'])}`,
    ),
  (url, random) => {
    const slashes = [...url.matchAll(/\//g)].map((match) => match.index);
    if (slashes.length === 0) {
      return `${url}\\`;
    }
    const at = random.pick(slashes);
    return `${url.slice(0, at)}\\${url.slice(at + 1)}`;
  },
  (url, random) =>
    withPath(url, (current) =>
      current.replace(
        /\/[^/]*$/,
        `/${random.pick(['%2e%2e', '%2E%2E', '.%2e', '%2e', '..', '.', '..%2f', '%2e%2e%5c', '%00'])}/admin/delete-everything`,
      ),
    ),
  (url, random) =>
    withAuthority(url, (current) => {
      const letters = [...current]
        .map((character, index) => ({ character, index }))
        .filter(({ character }) => lookAlikes[character] !== undefined);
      if (letters.length === 0) {
        return `xn--${current}`;
      }
      const { index } = random.pick(letters);
      return `${current.slice(0, index)}${lookAlikes[current[index] ?? ''] ?? ''}${current.slice(index + 1)}`;
    }),
  (url, random) =>
    withAuthority(url, (current) => `${random.pick(loopbackSpellings)}${/:\d+$/.exec(current)?.[0] ?? ''}`),
  (url, random) => withAuthority(url, () => random.pick(publicSpellings)),
  (url) => withAuthority(url, (current) => current.replace(/^([^:]*)/, '$1.')),
  (url, random) =>
    [...url].map((character) => (random.chance(0.5) ? character.toUpperCase() : character.toLowerCase())).join(''),
  (url, random) =>
    withPath(url, (current) => random.pick([`/${current}`, current.replace(/^\/([^/]+)\//, '/$1//'), `${current}//`])),
  (url, random) => `${url}#${random.pick(['page=2', '@evil.example', '/../admin', 'https://evil.example'])}`,
  (url, random) =>
    `${url}${url.includes('?') ? '&' : '?'}next=${random.pick(['@evil.example', 'https://evil.example', '//evil.example', '/NDA/' + guid])}`,
  (url, random) => {
    const at = random.int(0, url.length);
    return `${url.slice(0, at)}${random.pick(hiddenCharacters)}${url.slice(at)}`;
  },
  (url, random) =>
    url.replace(
      /^[a-z]+:\/\//i,
      random.pick([
        'http://',
        'HTTPS://',
        'https:/',
        'https:',
        'https:///',
        'javascript://',
        'file://',
        'ftp://',
        'wss://',
        '//',
      ]),
    ),
  (url, random) =>
    withAuthority(url, (current) =>
      random.pick([
        `${hostOnly(current)}.evil.example`,
        `evil-${current}`,
        `${hostOnly(current)}-login.example`,
        `evil.example#${current}`,
        `evil.example?${current}`,
      ]),
    ),
  (url) => withPath(url, () => `/admin/delete-everything?confirm=1&x=/NDA/${guid}`),
  (url) => withAuthority(url, (current) => current.replace(/\./g, '．')),
  (url) => withAuthority(url, (current) => current.replace('.', '%2e')),
  (url, random) => url.slice(0, random.int(0, url.length)),
];

/** What every accepted address must be, whichever check accepted it: problems found, in words. Paths are checked for court requests only. */
function problemsOfAccepted(
  verdict: UrlVerdict & { isAllowed: true },
  trust: UrlTrust | null,
  options: { checksPath: boolean } = { checksPath: true },
): string[] {
  const problems: string[] = [];
  let parsed: URL;
  try {
    parsed = new URL(verdict.url);
  } catch {
    return ['the accepted address does not parse'];
  }
  if (parsed.href !== verdict.url) {
    problems.push('the accepted address is not in its normal form');
  }
  const isLoopback = trust?.loopbackOrigin !== null && trust !== null && parsed.origin === trust.loopbackOrigin;
  if (parsed.protocol !== 'https:' && !isLoopback) {
    problems.push('not https');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    problems.push('names a user');
  }
  if (parsed.port !== '' && !isLoopback) {
    problems.push('names a port');
  }
  if (/[^\u0021-\u007e]/.test(verdict.url)) {
    problems.push('holds characters outside printable ASCII');
  }
  if (parsed.hostname.endsWith('.')) {
    problems.push('host ends with a dot');
  }
  if (parsed.hostname.split('.').some((label) => label.startsWith('xn--'))) {
    problems.push('punycode host');
  }
  if (!isLoopback && (/^[\d.]+$/.test(parsed.hostname) || parsed.hostname.startsWith('['))) {
    problems.push('bare network address');
  }
  if (options.checksPath && disguisedPath.test(parsed.pathname)) {
    problems.push('escaped or dot path segments');
  }
  return problems;
}

/** Court hosts and paths a notice link of `court` may name. */
function noticeShapeProblems(url: string, court: string, trust: UrlTrust): string[] {
  const parsed = new URL(url);
  const hosts = [`ecf.${court}.uscourts.gov`, `ecf-train.${court}.uscourts.gov`];
  const acms = trust.hosts.acmsHosts[court];
  if (parsed.origin === trust.loopbackOrigin && court === trust.hosts.loopbackCourt) {
    return courtPath.test(parsed.pathname) ? [] : ['loopback path'];
  }
  if (hosts.includes(parsed.hostname)) {
    return courtPath.test(parsed.pathname) ? [] : ['court path'];
  }
  if (acms !== undefined && parsed.hostname === acms) {
    return acmsPath.test(parsed.pathname) ? [] : ['ACMS path'];
  }
  return [`host ${parsed.host} is not the notice court's (${court})`];
}

function mutate(url: string, random: SeededRandom): string {
  let mutated = url;
  for (let count = random.int(1, 3); count > 0; count -= 1) {
    mutated = random.pick(mutations)(mutated, random);
  }
  return mutated;
}

describe('the URL gate, against generated addresses', () => {
  it('every good link is accepted as it is, and accepting is stable (the accepted address is accepted again, unchanged)', () => {
    for (const good of goodLinks) {
      const verdict = checkNoticeLink(good.url, { court: good.court }, good.trust);
      expect(verdict, good.url).toEqual({ isAllowed: true, url: good.url });
      expect(checkCourtRequest(good.url, good.trust), good.url).toEqual({ isAllowed: true, url: good.url });
    }
  });

  for (const seed of seeds) {
    it(`seed ${seed}: a mutated notice link is refused, or read as the very same court with a court link's shape`, () => {
      const random = seededRandom(seed);
      const failures: string[] = [];
      let accepted = 0;
      for (let index = 0; index < casesPerSeed; index += 1) {
        const good = random.pick(goodLinks);
        const url = mutate(good.url, random);
        const name = `seed ${seed} case ${index}: ${JSON.stringify(url)}`;
        const verdict = checkNoticeLink(url, { court: good.court }, good.trust);
        if (!verdict.isAllowed) {
          if (verdict.reason.trim() === '') {
            failures.push(`${name}: refused without a reason`);
          }
          continue;
        }
        accepted += 1;
        const problems = [
          ...problemsOfAccepted(verdict, good.trust),
          ...noticeShapeProblems(verdict.url, good.court, good.trust),
        ];
        if (new URL(verdict.url).origin !== new URL(good.url).origin) {
          problems.push(`moved to ${new URL(verdict.url).origin}`);
        }
        const again = checkNoticeLink(verdict.url, { court: good.court }, good.trust);
        if (!again.isAllowed || again.url !== verdict.url) {
          problems.push('not stable when checked again');
        }
        const request = checkCourtRequest(verdict.url, good.trust);
        if (!request.isAllowed || request.url !== verdict.url) {
          problems.push('accepted as a notice link but refused as a court request');
        }
        if (problems.length > 0) {
          failures.push(`${name} → ${verdict.url}: ${problems.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
      // Some tricks are harmless spellings of the same court (case, :443, a fragment): the property must not be vacuous.
      expect(accepted).toBeGreaterThan(casesPerSeed / 20);
      expect(accepted).toBeLessThan(casesPerSeed / 2);
    });

    it(`seed ${seed}: a mutated court request, page link or browser link never leaves the courts`, () => {
      const random = seededRandom(seed * 31 + 1);
      const failures: string[] = [];
      for (let index = 0; index < casesPerSeed; index += 1) {
        const good = random.pick(goodLinks);
        const url = mutate(good.url, random);
        const name = `seed ${seed} case ${index}: ${JSON.stringify(url)}`;
        const request = checkCourtRequest(url, good.trust);
        if (request.isAllowed) {
          const problems = problemsOfAccepted(request, good.trust);
          const parsed = new URL(request.url);
          const isKnownHost =
            parsed.origin === good.trust.loopbackOrigin ||
            /^ecf(?:-train)?\.[a-z0-9]+\.uscourts\.gov$/.test(parsed.hostname) ||
            Object.values(good.trust.hosts.acmsHosts).includes(parsed.hostname) ||
            good.trust.hosts.loginHosts.includes(parsed.hostname);
          if (!isKnownHost) {
            problems.push(`host ${parsed.host} is no court's`);
          }
          if (problems.length > 0) {
            failures.push(`request ${name} → ${request.url}: ${problems.join(', ')}`);
          }
        }
        const hop = checkCourtHop(url, good.url);
        if (hop.isAllowed && new URL(hop.url).origin !== new URL(good.url).origin) {
          failures.push(`hop ${name} → ${hop.url}: left the page's origin`);
        }
        const external = checkExternalUrl(url);
        if (external.isAllowed) {
          const parsed = new URL(external.url);
          const problems = problemsOfAccepted({ isAllowed: true, url: external.url.replace(/#.*$/, '') }, null, {
            checksPath: false,
          });
          if (!/(?:^|\.)(?:uscourts|pacer)\.gov$/.test(parsed.hostname)) {
            problems.push(`host ${parsed.hostname} is not a court's or PACER's`);
          }
          if (problems.length > 0) {
            failures.push(`browser ${name} → ${external.url}: ${problems.join(', ')}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it(`seed ${seed}: random text is refused, or is a court address of the right shape`, () => {
      const random = seededRandom(seed * 977 + 3);
      const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789.-_~:/?#[]@!$&'()*+,;=%\\ ．сNDAecfcitdocgov";
      const prefixes = [
        'https://',
        'http://',
        'https://ecf.cit.uscourts.gov',
        'http://127.0.0.1:51234',
        'https://ca9-showdoc.azurewebsites.us',
        '',
      ];
      const failures: string[] = [];
      for (let index = 0; index < casesPerSeed; index += 1) {
        const url = `${random.pick(prefixes)}${random.string(random.int(0, 60), alphabet)}`;
        for (const trust of [live, training]) {
          const verdict = checkNoticeLink(url, { court: random.pick(['cit', 'ca9', 'nysd']) }, trust);
          if (verdict.isAllowed) {
            const problems = problemsOfAccepted(verdict, trust);
            if (problems.length > 0) {
              failures.push(
                `seed ${seed} case ${index}: ${JSON.stringify(url)} → ${verdict.url}: ${problems.join(', ')}`,
              );
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
