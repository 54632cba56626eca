import { AppError } from '../errors';

/**
 * THE gate for every address the app fetches or opens (docs/security.md, "One gate for every address"). A notice's
 * links are plain text anyone can forge, a free look is fetched the moment a notice arrives, and a court page can
 * point anywhere: so every address is checked here — scheme, host, port and path — before any request and again
 * after every redirect, and whatever the gate refuses is never requested. Each check answers the address to use
 * (normalised the way the network will read it) or why not, in words for the person reading the notice.
 */

/** What the gate decided about one address. */
export type UrlVerdict =
  { readonly isAllowed: true; readonly url: string } | { readonly isAllowed: false; readonly reason: string };

/** The hosts a court profile trusts, as data (`court/court-profiles.ts`). */
export interface TrustedHosts {
  /** CM/ECF host names, `{court}` standing for a court id: the court's own site and its training database. */
  readonly cmecfHosts: readonly string[];
  /** The appellate courts whose notices link to ACMS, and the one host each serves them from. */
  readonly acmsHosts: Readonly<Record<string, string>>;
  /** PACER's login service hosts. */
  readonly loginHosts: readonly string[];
  /** The court whose notices the profile's training court sends (their links name its loopback address); null for none. */
  readonly loopbackCourt: string | null;
}

/** What the gate trusts right now: the profile's hosts, and the training court's exact origin once it runs. */
export interface UrlTrust {
  readonly hosts: TrustedHosts;
  /** `http://127.0.0.1:51234`: the embedded training court; null when none runs. Only a loopback origin counts. */
  readonly loopbackOrigin: string | null;
}

/** What a notice says about where it came from. */
export interface NoticeOrigin {
  /** The parsed court id (`nysd`, `cit`, `ca9`), or null when the parser could not tell. */
  readonly court: string | null;
  /** The From address, used only when `court` is null. */
  readonly fromAddress?: string | null;
}

/** A request the gate refused; thrown by the gated fetch, so a refused address never reaches the network. */
export class RefusedUrlError extends AppError {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super('link.unsafe', reason);
    this.name = 'RefusedUrlError';
  }
}

const notOpened = 'ECF Desk did not open it.';
/** Longer than any court link; a very long address is a way to hide what it says. */
const maxLength = 2048;

/** Court ids whose mail domain differs from their CM/ECF host name: Southern District of Texas mail comes from `txs.uscourts.gov`. */
const hostIdByCourtId: Readonly<Record<string, string>> = { txs: 'txsd' };
const courtMailDomain = /@([a-z0-9]+)\.(?:uscourts\.gov|fedcourts\.us)>?\s*$/i;
/** Documents (`/doc1/`, appellate `/docs1/`), dockets and court pages (`/cgi-bin/`), appellate dockets (`/n/beam/servlet/`). */
const courtPath = /^\/(?:doc1|docs1|cgi-bin|n\/beam\/servlet)\//i;
/** An ACMS document (`/NDA/<guid>`, one GUID per document link) or case (`/25-2120`). */
const acmsNoticePath = /^\/(?:NDA\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/?|\d{2}-\d+\/?)$/i;
/** The login contract (`cso-auth`, `cso-logout`) and PACER's login pages. */
const loginPath = /^\/(?:services\/cso-(?:auth|logout)$|csologin\/)/i;
/** The training court serves the login contract itself, beside its court pages. */
const loopbackLoginPath = /^\/services\/cso-(?:auth|logout)$/i;
/** Escapes of `.`, `/`, `\` and NUL, and empty or dot segments: ways to make a server read another path than the one checked. */
const disguisedPath = /%(?:2e|2f|5c|00)|\/\/|\/\.\.?(?:\/|$)/i;
const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** Hosts (and their subdomains) the app opens in the user's browser: the courts and PACER. */
const browserDomains = ['uscourts.gov', 'pacer.gov'] as const;

/** A link from a notice: the notice court's own CM/ECF or ACMS host, or the training court; a document or docket page. */
export function checkNoticeLink(url: string, notice: NoticeOrigin, trust: UrlTrust): UrlVerdict {
  const read = readAddress(url);
  if (!read.isRead) {
    return read.verdict;
  }
  const { parsed } = read;
  const expected = expectedCourt(notice);
  if (parsed.protocol === 'http:' || isLoopbackOrigin(parsed, trust)) {
    return checkLoopbackNoticeLink(parsed, expected, trust);
  }
  const host = checkPublicHost(parsed);
  if (host !== null) {
    return host;
  }
  const court = cmecfCourtOf(parsed.hostname, trust.hosts);
  if (court !== null) {
    const match = checkSameCourt(parsed, court, expected, `ecf.${expected}.uscourts.gov`);
    return match ?? checkPath(parsed, courtPath);
  }
  const acmsCourt = acmsCourtOf(parsed.hostname, trust.hosts);
  if (acmsCourt !== null) {
    const match = checkSameCourt(
      parsed,
      acmsCourt,
      expected,
      trust.hosts.acmsHosts[expected ?? ''] ?? `${expected}-showdoc.azurewebsites.us`,
    );
    return match ?? checkPath(parsed, acmsNoticePath);
  }
  const home = expected === null ? "the court's own site" : `the court's own site (${homeOf(expected, trust.hosts)})`;
  return refuse(`This link does not go to ${home}: it may be phishing. ${notOpened}`);
}

/** A request to a court (free looks, purchases, filing, login): a trusted court host, and only the court's own kind of page. */
export function checkCourtRequest(url: string, trust: UrlTrust): UrlVerdict {
  const read = readAddress(url);
  if (!read.isRead) {
    return read.verdict;
  }
  const { parsed } = read;
  if (isLoopbackOrigin(parsed, trust)) {
    return loopbackLoginPath.test(parsed.pathname) ? allow(parsed) : checkPath(parsed, courtPath);
  }
  if (parsed.protocol === 'http:') {
    return refuse(
      loopbackReason(parsed, trust) ??
        `This address is not encrypted (http): court sites always use https. ${notOpened}`,
    );
  }
  const host = checkPublicHost(parsed);
  if (host !== null) {
    return host;
  }
  if (cmecfCourtOf(parsed.hostname, trust.hosts) !== null) {
    return checkPath(parsed, courtPath);
  }
  // ACMS's viewer pages are not published: once its own /NDA/ link opened the way, any plain path of its one host may follow.
  if (acmsCourtOf(parsed.hostname, trust.hosts) !== null) {
    return checkPath(parsed, /^\//);
  }
  if (trust.hosts.loginHosts.includes(parsed.hostname)) {
    return checkPath(parsed, loginPath);
  }
  return refuse(`This address (${parsed.hostname}) is not a court site ECF Desk works with. ${notOpened}`);
}

/** A link or redirect on a court page (frame, document menu, continue link): on the page's own origin, a plain path. */
export function checkCourtHop(href: string, pageUrl: string): UrlVerdict {
  if (hasDisguisingCharacters(href.trim())) {
    return refuse(`The court's page pointed to an address with characters a court link never has. ${notOpened}`);
  }
  let resolved: string;
  try {
    resolved = new URL(href.trim(), pageUrl).href;
  } catch {
    return refuse(`The court's page pointed to an address ECF Desk cannot read. ${notOpened}`);
  }
  const read = readAddress(resolved);
  if (!read.isRead) {
    return read.verdict;
  }
  if (read.parsed.origin !== new URL(pageUrl).origin) {
    return refuse(
      `The court's page pointed away from the court's own site (to ${read.parsed.host}): ECF Desk did not follow it.`,
    );
  }
  return checkPath(read.parsed, /^\//);
}

/**
 * Whether an address the court sent ECF Desk to is PACER's login (a free look used already), judged without requesting
 * it: https on a `uscourts.gov` host, a login page.
 */
export function isCourtLoginPage(url: string): boolean {
  const read = readAddress(url);
  if (!read.isRead) {
    return false;
  }
  const { parsed } = read;
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.hostname.endsWith('.uscourts.gov') &&
    /login/i.test(parsed.pathname)
  );
}

/**
 * A link to open in the user's browser: https only, no port but 443, the courts' `uscourts.gov` or PACER's
 * `pacer.gov` (and their subdomains) or an exact host machine policy adds (`externalLinkAllowlist`), so a hostile
 * PDF, email or page can never send the user to a look-alike site or launch another program.
 */
export function checkExternalUrl(url: string, policyHosts: readonly string[] = []): UrlVerdict {
  const read = readAddress(url, { keepsFragment: true });
  if (!read.isRead) {
    return read.verdict;
  }
  const { parsed } = read;
  if (parsed.protocol !== 'https:') {
    return refuse(`This link is not encrypted (https). ${notOpened}`);
  }
  const host = checkPublicHost(parsed);
  if (host !== null) {
    return host;
  }
  const hostname = parsed.hostname;
  if (policyHosts.some((extra) => extra.trim().toLowerCase() === hostname)) {
    return allow(parsed, { keepsFragment: true });
  }
  if (browserDomains.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`))) {
    return allow(parsed, { keepsFragment: true });
  }
  return refuse(`This link does not go to a court or PACER site (${hostname}). ${notOpened}`);
}

/** Whether a link may leave the app for the user's browser (`checkExternalUrl`, as a yes or no). */
export function isAllowedExternalUrl(url: string, policyHosts: readonly string[] = []): boolean {
  return checkExternalUrl(url, policyHosts).isAllowed;
}

/** Where the desktop talks to the firm server: its status, and the routes under `/api/` (docs/firm-server.md). */
const firmServerPath = /^\/(?:health|api\/[a-z0-9/._~-]*)$/i;

/**
 * The firm server's address as the user types it or machine policy sets it (docs/firm-server.md#connecting-a-desktop):
 * https, or http only on this computer's loopback (a server on the same machine); no user name or password in it,
 * nothing after the host and port. Answers the origin every request goes to. The firm server is on the firm's own
 * network, so an internal host name, a private address and any port are allowed here, as they never are for a court.
 */
export function checkFirmServerAddress(url: string): UrlVerdict {
  const text = url.trim();
  if (text.length > maxLength || hasDisguisingCharacters(text) || hasNonAscii(text)) {
    return refuse('This is not a firm server address: it is too long, or holds spaces or characters no address has.');
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return refuse(
      'This is not a web address. Type it as your firm gives it, for example https://ecf-desk.firm.example:8443.',
    );
  }
  if (hasUserInfo(parsed, text)) {
    return refuse(
      'The address holds a user name or password; the firm server is given your token instead. Leave them out.',
    );
  }
  if (hasLookAlikeLabel(parsed)) {
    return refuse(
      `The address uses look-alike letters (${parsed.hostname}). Type your firm server's name in plain letters.`,
    );
  }
  const isLoopback = loopbackHosts.has(parsed.hostname) || /^127\./.test(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopback)) {
    return refuse(
      parsed.protocol === 'http:'
        ? 'The address is not encrypted (http). A firm server on the network must use https, so your token and notices cannot be read on the way; ask IT for its https address.'
        : `The address is not a web address (${parsed.protocol}). Type the firm server's https address.`,
    );
  }
  if ((parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search !== '' || parsed.hash !== '') {
    return refuse(`Give the firm server's address only (${parsed.origin}), with nothing after the host and port.`);
  }
  return { isAllowed: true, url: parsed.origin };
}

/** A request to the firm server: on exactly the origin `checkFirmServerAddress` answered, to its status or an `/api/` route. */
export function checkFirmServerRequest(url: string, origin: string): UrlVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('ECF Desk did not send a request to an address it cannot read.');
  }
  if (parsed.origin !== origin || hasUserInfo(parsed, url) || hasDisguisingCharacters(url)) {
    return refuse(`ECF Desk sends the firm server's requests to ${origin} only.`);
  }
  if (!firmServerPath.test(parsed.pathname) || disguisedPath.test(parsed.pathname)) {
    return refuse("ECF Desk sends the firm server's requests to its own routes only.");
  }
  parsed.hash = '';
  return { isAllowed: true, url: parsed.href };
}

type ReadAddress =
  { readonly isRead: true; readonly parsed: URL } | { readonly isRead: false; readonly verdict: UrlVerdict };

/** The checks every address passes first: what it is written with, that it parses, its scheme, and no hidden user name. */
function readAddress(url: string, options: { keepsFragment?: boolean } = {}): ReadAddress {
  const refused = (reason: string): ReadAddress => ({ isRead: false, verdict: refuse(reason) });
  if (typeof url !== 'string' || url.length > maxLength) {
    return refused(`This address is too long to be a court link: it may be hiding where it goes. ${notOpened}`);
  }
  // Spaces, control characters and backslashes are read differently by different parsers: a classic disguise.
  if (hasDisguisingCharacters(url)) {
    return refused(`This link contains characters a court link never has: it may be phishing. ${notOpened}`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused(`This is not a web address ECF Desk can check. ${notOpened}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return refused(`This link is not a web page (${parsed.protocol}): it could run code. ${notOpened}`);
  }
  if (hasUserInfo(parsed, url)) {
    return refused(
      `This link hides its real destination (${parsed.hostname}) behind a court name: it may be phishing. ${notOpened}`,
    );
  }
  if (hasLookAlikeLabel(parsed)) {
    return refused(
      `This link uses look-alike letters in its address (${parsed.hostname}): it may be phishing. ${notOpened}`,
    );
  }
  // Court links are plain ASCII; a full-width dot or a letter from another alphabet is there to look like something else.
  if (hasNonAscii(url)) {
    return refused(`This link contains characters a court link never has: it may be phishing. ${notOpened}`);
  }
  if (!options.keepsFragment) {
    parsed.hash = '';
  }
  return { isRead: true, parsed };
}

/** Whether an address carries a user name or password: `https://ecf.cit.uscourts.gov@evil.com/` goes to evil.com. */
function hasUserInfo(parsed: URL, text: string): boolean {
  return (
    parsed.username !== '' ||
    parsed.password !== '' ||
    /@/.test(/^[a-z][a-z0-9+.-]*:\/*([^/?#]*)/i.exec(text)?.[1] ?? '')
  );
}

/** Whether the host has a label the URL parser turned from Unicode look-alikes (ecf.сit.uscourts.gov) into punycode. */
function hasLookAlikeLabel(parsed: URL): boolean {
  return parsed.hostname.split('.').some((label) => label.startsWith('xn--'));
}

/** Whether the text has a character outside printable ASCII (a full-width dot, a letter from another alphabet). */
function hasNonAscii(text: string): boolean {
  return /[^\u0021-\u007e]/.test(text);
}

function hasDisguisingCharacters(url: string): boolean {
  return (
    /[\s\\]/.test(url) ||
    [...url].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)
  );
}

/** A host on the internet must be a name, on https's own port. */
function checkPublicHost(parsed: URL): UrlVerdict | null {
  const hostname = parsed.hostname;
  // The parser writes every IPv4 spelling (decimal, hex, octal) as dotted decimal, and IPv6 in brackets.
  if (/^[\d.]+$/.test(hostname) || hostname.startsWith('[')) {
    return refuse(
      `This link goes to a bare network address (${hostname}), not to a court: it may be phishing. ${notOpened}`,
    );
  }
  if (parsed.port !== '') {
    return refuse(
      `This link names an unusual port (${parsed.host}); court links never do: it may be phishing. ${notOpened}`,
    );
  }
  return null;
}

/**
 * The training court's links: its exact origin, in a notice of its court or of no court (its mail comes from its own
 * `.localhost` domain, which names none); a notice of another court may not send the app there, nor may any other local address.
 */
function checkLoopbackNoticeLink(parsed: URL, expected: string | null, trust: UrlTrust): UrlVerdict {
  if (!isLoopbackOrigin(parsed, trust)) {
    return refuse(
      loopbackReason(parsed, trust) ?? `This link is not encrypted (http): court links always use https. ${notOpened}`,
    );
  }
  const court = trust.hosts.loopbackCourt ?? '';
  if (expected !== null && expected !== court) {
    return refuse(
      `This link goes to the training court on this computer, but the notice is not from the training court's court (${court}). ${notOpened}`,
    );
  }
  return checkPath(parsed, courtPath);
}

function isLoopbackOrigin(parsed: URL, trust: UrlTrust): boolean {
  if (trust.loopbackOrigin === null || trust.hosts.loopbackCourt === null) {
    return false;
  }
  let origin: URL;
  try {
    origin = new URL(trust.loopbackOrigin);
  } catch {
    return false;
  }
  return (
    origin.protocol === 'http:' &&
    loopbackHosts.has(origin.hostname) &&
    origin.port !== '' &&
    parsed.origin === origin.origin
  );
}

/** Why a local address is refused, said plainly: it reaches a program on this computer, which a court link never does. */
function loopbackReason(parsed: URL, trust: UrlTrust): string | null {
  if (!loopbackHosts.has(parsed.hostname) && !/^127\./.test(parsed.hostname)) {
    return null;
  }
  const running =
    trust.loopbackOrigin === null
      ? ''
      : ` (the training court ECF Desk runs is at ${new URL(trust.loopbackOrigin).host})`;
  return `This link goes to a program on this computer (${parsed.host}), not to a court${running}: it may be an attack. ${notOpened}`;
}

function checkSameCourt(parsed: URL, court: string, expected: string | null, home: string): UrlVerdict | null {
  if (expected === null) {
    return refuse(
      `ECF Desk could not tell which court sent this notice, so it cannot check that the link goes to the court's own site. ${notOpened}`,
    );
  }
  if (court !== expected) {
    return refuse(
      `This link goes to another court's site (${parsed.hostname}), not to this notice's court (${home}): it may be phishing. ${notOpened}`,
    );
  }
  return null;
}

function checkPath(parsed: URL, shape: RegExp): UrlVerdict {
  if (disguisedPath.test(parsed.pathname) || !shape.test(parsed.pathname)) {
    return refuse(
      `This link goes to an unexpected page of the court's site (${parsed.pathname}), not to a document or docket. ${notOpened}`,
    );
  }
  return allow(parsed);
}

/** The court id a CM/ECF host names, by the profile's host patterns; null when it is not one. */
function cmecfCourtOf(hostname: string, hosts: TrustedHosts): string | null {
  for (const pattern of hosts.cmecfHosts) {
    const court = hostPattern(pattern).exec(hostname)?.[1];
    if (court !== undefined) {
      return court;
    }
  }
  return null;
}

function acmsCourtOf(hostname: string, hosts: TrustedHosts): string | null {
  return Object.entries(hosts.acmsHosts).find(([, host]) => host.toLowerCase() === hostname)?.[0] ?? null;
}

const compiledPatterns = new Map<string, RegExp>();
function hostPattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    const escaped = pattern
      .toLowerCase()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace('\\{court\\}', '([a-z0-9]+)');
    compiled = new RegExp(`^${escaped}$`);
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** The court whose host the notice's links must name: the parsed court, else the sender's court domain. */
function expectedCourt(notice: NoticeOrigin): string | null {
  const court =
    notice.court?.trim().toLowerCase() || courtMailDomain.exec(notice.fromAddress ?? '')?.[1]?.toLowerCase();
  if (!court) {
    return null;
  }
  return hostIdByCourtId[court] ?? court;
}

function homeOf(court: string, hosts: TrustedHosts): string {
  return hosts.acmsHosts[court] ?? `ecf.${court}.uscourts.gov`;
}

function allow(parsed: URL, options: { keepsFragment?: boolean } = {}): UrlVerdict {
  if (!options.keepsFragment) {
    parsed.hash = '';
  }
  return { isAllowed: true, url: parsed.href };
}

function refuse(reason: string): UrlVerdict {
  return { isAllowed: false, reason };
}
