/**
 * Redaction for the support bundle: text a firm's IT person will read, stripped of the case details the app log
 * carries by design (addresses, case numbers, links to documents) and of anything shaped like a secret.
 *
 * What it cannot do: a caption, a party's name or a docket text is ordinary words, with no shape to find. So the
 * bundle never includes the sources of those (the database's rows, the documents), and the log is the only text
 * from the data folder it carries. Secrets (PACER passwords, TOTP secrets, session tokens, mailbox passwords) never
 * reach the log at all: they live in the OS keychain only. The `password=`-style rule below is defence in depth,
 * in case a future line breaks that rule, not something the bundle relies on.
 */

/** What each kind of redacted text becomes, so a reader sees what was there without seeing it. */
export const redactionMarks = {
  email: '<email>',
  caseNumber: '<case>',
  link: '<link>',
  hex: '<hex>',
  number: '<number>',
  secret: '<secret>',
  text: '<text>',
} as const;

/** Any web address; trailing sentence punctuation is not part of it. */
const webAddress = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/**
 * A key followed by a secret-looking value: `password=…`, `token: …`, `client_secret=…`, the PACER session
 * cookies (`NextGenCSO=…`, `PacerSession=…`) and an `Authorization: Bearer …` header.
 */
const secretValue =
  /\b([\w-]*(?:password|passwd|passphrase|token|secret|otp|api[_-]?key|cookie|NextGenCSO|PacerSession|PacerUser)[\w-]*)(\s*[=:]\s*)(?:bearer\s+|basic\s+)?("[^"]*"|'[^']*'|[^\s,;&]+)/gi;

/** `Bearer …` outside a key=value pair. */
const bearerToken = /\b(bearer)\s+[\w~+/.=-]{8,}/gi;

/** A CM/ECF link without its scheme and host (`/doc1/123…`, `/docs1/…`, `/cgi-bin/show_doc.pl?…`). */
const bareDocumentPath = /(?:^|(?<=[\s"'(=]))\/(?:cgi-bin\/[\w.-]+\.pl\?[^\s"'<>]*|docs?1\/[^\s"'<>]*)/gi;

/** The query parameters of a CM/ECF document link, met outside a web address. */
const linkParameter =
  /\b(magic_num|uid|caseid|case_id|de_seq_num|de_id|doc_num|pdf_header|arr_de_seq_nums|got_receipt)=[^\s&"'<>]+/gi;

/** Email addresses (and `mailto:` ones). */
const emailAddress = /\b[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}\b/gi;

/**
 * Case numbers in the forms CM/ECF writes them: district and CIT (`1:26-cv-00123-MMB`, `26-cv-00123`), the CIT's
 * short form (`26-00123`), bankruptcy (`24-10418-CTG`) and appellate (`22-1455`, the Federal Circuit's `2022-1455`).
 */
const caseNumbers = [
  /\b(?:\d{1,2}:)?\d{2}-[a-z]{2,4}-\d{3,6}(?:-[a-z]{2,4})*\b/gi,
  /\b(?:19|20)\d{2}-\d{4,5}(?:-[a-z]{2,4})*\b/gi,
  /\b\d{2}-\d{3,6}(?:-[a-z]{2,4})*\b/gi,
];

/** Hashes and tokens: 32 hex digits or more (SHA-256 and SHA-512 digests, session ids). */
const hexRun = /\b[0-9a-f]{32,}\b/gi;

/** Long numbers (document and magic numbers, account and phone numbers run together). */
const longNumber = /\d{8,}/g;

/** A docket text or caption a line labels as such: the rest of the line goes. */
const labelledText = /\b(docket text|caption|case title|case name|short title)(\s*:\s*).+$/gim;

/** Keeps only the scheme and host of an address; an address with a path or query ends in `/<link>`. */
function reduceAddress(address: string): string {
  const trimmed = address.replace(/[.,;:!?)\]}]+$/, '');
  const rest = address.slice(trimmed.length);
  try {
    const url = new URL(trimmed);
    // `host` drops any `user:password@` part; the port stays, it helps tell the training court from the real one.
    const origin = `${url.protocol}//${url.host}`;
    const isBare =
      (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '' && !trimmed.endsWith('/');
    const isRoot = url.pathname === '/' && url.search === '' && url.hash === '';
    if (isBare) {
      return origin + rest;
    }
    if (isRoot) {
      return `${origin}/${rest}`;
    }
    return `${origin}/${redactionMarks.link}${rest}`;
  } catch {
    return redactionMarks.link + rest;
  }
}

/**
 * Redacts text for the support bundle: secrets in key=value form, web addresses (to scheme and host), CM/ECF
 * document paths and link parameters, email addresses, case numbers, hex runs and long numbers. Captions, party
 * names and docket texts cannot be told from other words; see this file's opening comment for why that is safe.
 */
export function redactForSupport(text: string): string {
  let redacted = text
    .replace(secretValue, (_match, key: string, separator: string) => `${key}${separator}${redactionMarks.secret}`)
    .replace(bearerToken, (_match, word: string) => `${word} ${redactionMarks.secret}`)
    .replace(webAddress, reduceAddress)
    .replace(bareDocumentPath, redactionMarks.link)
    .replace(linkParameter, (_match, key: string) => `${key}=${redactionMarks.link}`)
    .replace(emailAddress, redactionMarks.email)
    .replace(labelledText, (_match, label: string, separator: string) => `${label}${separator}${redactionMarks.text}`);
  for (const caseNumber of caseNumbers) {
    redacted = redacted.replace(caseNumber, redactionMarks.caseNumber);
  }
  return redacted.replace(hexRun, redactionMarks.hex).replace(longNumber, redactionMarks.number);
}
