/**
 * Whether a link in a notice goes to the court's own site (DESIGN.md security rule: links in NEFs are checked;
 * anything else is flagged as possible phishing and never fetched). A notice's links are plain text anyone can
 * forge, and a free-look link is fetched without the user clicking, so only three kinds of address pass:
 * the notice court's CM/ECF host, the appellate ACMS host, and the hosts the app itself names (the training court).
 */

/** The verdict on one link; `reason` is written for the person reading the notice. */
export type LinkVerdict = { readonly isSafe: true } | { readonly isSafe: false; readonly reason: string };

/** What the notice says about where it came from. */
export interface NoticeOrigin {
  /** The parsed court id (`nysd`, `cit`, `ca9`), or null when the parser could not tell. */
  readonly court: string | null;
  /** The From address, used only when `court` is null. */
  readonly fromAddress?: string | null;
}

/** Hosts the app trusts beyond the courts' own. */
export interface TrustedHosts {
  /** Exact `host:port` pairs, e.g. the embedded training court's `127.0.0.1:51234`. */
  readonly extraHosts?: readonly string[];
}

/**
 * Court ids whose mail domain or parsed id differs from their CM/ECF host name. NEF-AND-PACER.md §2.1: Southern
 * District of Texas mail comes from `txs.uscourts.gov`, while its links go to `ecf.txsd.uscourts.gov`.
 */
const hostIdByCourtId: Readonly<Record<string, string>> = { txs: 'txsd' };

/** `ecf.<court>.uscourts.gov`, and the court's training database `ecf-train.<court>.uscourts.gov`. */
const courtHost = /^ecf(?:-train)?\.([a-z0-9]+)\.uscourts\.gov$/;
/** NEF-AND-PACER.md §2.4 and §5.3: ACMS (ca2, ca9, later more circuits) serves NDAs from `<court>-showdoc.azurewebsites.us`. */
const acmsHost = /^([a-z0-9]+)-showdoc\.azurewebsites\.us$/;
const appellateCourt = /^(?:ca(?:[1-9]|1[01]|dc|fc)|cavc)$/;
/** §2.4: documents (`/doc1/`, appellate `/docs1/`), dockets (`/cgi-bin/`) and appellate dockets (`/n/beam/servlet/`). */
const courtPath = /^\/(?:doc1|docs1|cgi-bin|n\/beam\/servlet)\//i;
/** §2.4: an ACMS document (`/NDA/<guid>`) or case (`/25-2120`). */
const acmsPath = /^\/(?:NDA\/[0-9a-f-]{36}\/?|\d{2}-\d+\/?)$/i;
const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]']);
const courtMailDomain = /@([a-z0-9]+)\.(?:uscourts\.gov|fedcourts\.us)>?\s*$/i;

const notOpened = 'ECF Desk did not open it.';

/** Checks one link of a notice against the notice's court (NEF-AND-PACER.md §2.4, DESIGN.md security rule). */
export function checkNoticeLink(url: string, notice: NoticeOrigin, trusted: TrustedHosts = {}): LinkVerdict {
  // Spaces, control characters and backslashes are read differently by different parsers: a classic disguise.
  if (hasDisguisingCharacters(url)) return unsafe(`This link contains characters a court link never has: it may be phishing. ${notOpened}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return unsafe(`This is not a web address ECF Desk can check. ${notOpened}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return unsafe(`This link is not a web page (${parsed.protocol}): it could run code. ${notOpened}`);
  // `https://ecf.cit.uscourts.gov@evil.com/` goes to evil.com: the part before @ is only a user name.
  if (parsed.username !== '' || parsed.password !== '') return unsafe(`This link hides its real destination (${parsed.hostname}) behind a court name: it may be phishing. ${notOpened}`);
  if (isExtraHost(parsed, trusted.extraHosts ?? [])) return checkExtraHost(parsed);
  if (parsed.protocol !== 'https:') return unsafe(`This link is not encrypted (http): court links always use https. ${notOpened}`);
  const hostname = parsed.hostname;
  // The URL parser turns Unicode look-alikes (ecf.сit.uscourts.gov) into punycode.
  if (hostname.split('.').some((label) => label.startsWith('xn--'))) return unsafe(`This link uses look-alike letters in its address (${hostname}): it may be phishing. ${notOpened}`);
  if (/^[\d.]+$/.test(hostname) || hostname.startsWith('[')) return unsafe(`This link goes to a bare network address (${hostname}), not to a court: it may be phishing. ${notOpened}`);
  const expected = expectedCourt(notice);
  const court = courtHost.exec(hostname)?.[1];
  if (court !== undefined) return checkCourtHost(parsed, court, expected);
  const acmsCourt = acmsHost.exec(hostname)?.[1];
  if (acmsCourt !== undefined && appellateCourt.test(acmsCourt)) return checkAcmsHost(parsed, acmsCourt, expected);
  const home = expected === null ? "the court's own site" : `the court's own site (${ecfHostOf(expected)})`;
  return unsafe(`This link does not go to ${home}: it may be phishing. ${notOpened}`);
}

function checkCourtHost(parsed: URL, court: string, expected: string | null): LinkVerdict {
  if (parsed.port !== '') return unsafe(`This link names an unusual port (${parsed.host}); court links never do: it may be phishing. ${notOpened}`);
  if (expected === null) return unsafe(`ECF Desk could not tell which court sent this notice, so it cannot check that the link goes to the court's own site. ${notOpened}`);
  if (court !== expected) return unsafe(`This link goes to another court's site (${parsed.hostname}), not to this notice's court (${ecfHostOf(expected)}): it may be phishing. ${notOpened}`);
  if (!courtPath.test(parsed.pathname)) return unsafe(`This link goes to an unexpected page of the court's site (${parsed.pathname}), not to a document or docket. ${notOpened}`);
  return { isSafe: true };
}

function checkAcmsHost(parsed: URL, court: string, expected: string | null): LinkVerdict {
  if (parsed.port !== '') return unsafe(`This link names an unusual port (${parsed.host}); court links never do: it may be phishing. ${notOpened}`);
  if (expected === null) return unsafe(`ECF Desk could not tell which court sent this notice, so it cannot check that the link goes to the court's own site. ${notOpened}`);
  if (court !== expected) return unsafe(`This link goes to another court's site (${parsed.hostname}), not to this notice's court (${expected}-showdoc.azurewebsites.us): it may be phishing. ${notOpened}`);
  if (!acmsPath.test(parsed.pathname)) return unsafe(`This link goes to an unexpected page of the court's site (${parsed.pathname}), not to a document or docket. ${notOpened}`);
  return { isSafe: true };
}

/** The app's own hosts (the training court): http only on this computer, and still only document and docket pages. */
function checkExtraHost(parsed: URL): LinkVerdict {
  if (parsed.protocol === 'http:' && !loopbackNames.has(parsed.hostname)) return unsafe(`This link is not encrypted (http): court links always use https. ${notOpened}`);
  if (!courtPath.test(parsed.pathname)) return unsafe(`This link goes to an unexpected page of the court's site (${parsed.pathname}), not to a document or docket. ${notOpened}`);
  return { isSafe: true };
}

function isExtraHost(parsed: URL, extraHosts: readonly string[]): boolean {
  // `URL.host` drops a default port (:443 for https, :80 for http), so compare with both spellings.
  const spellings = new Set([parsed.host.toLowerCase(), `${parsed.hostname}:${parsed.port || (parsed.protocol === 'https:' ? '443' : '80')}`.toLowerCase()]);
  return extraHosts.some((host) => spellings.has(host.trim().toLowerCase()));
}

/** The court whose host the notice's links must name: the parsed court, else the sender's court domain. */
function expectedCourt(notice: NoticeOrigin): string | null {
  const court = notice.court?.trim().toLowerCase() || courtMailDomain.exec(notice.fromAddress ?? '')?.[1]?.toLowerCase();
  if (!court) return null;
  return hostIdByCourtId[court] ?? court;
}

function hasDisguisingCharacters(url: string): boolean {
  return /[\s\\]/.test(url) || [...url].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
}

function ecfHostOf(court: string): string {
  return `ecf.${court}.uscourts.gov`;
}

function unsafe(reason: string): LinkVerdict {
  return { isSafe: false, reason };
}
