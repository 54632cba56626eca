/** Hosts whose own domain and subdomains the app will open in the user's browser. */
const allowedDomains = ['uscourts.gov', 'pacer.gov'] as const;

/**
 * Whether a link may leave the app for the user's browser. Security rule: external links only through
 * one guarded function with an https allowlist, so a hostile PDF, email or page can never send the user
 * to a look-alike site: https only, the courts' `uscourts.gov` or PACER's `pacer.gov` (and their
 * subdomains) or a host machine policy adds, no user name or password in the address, and no port other than
 * https's own.
 */
export function isAllowedExternalUrl(url: string, extraHosts: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  // Credentials in a link are a classic disguise (`https://uscourts.gov@evil.example`) and never needed here.
  if (parsed.username !== '' || parsed.password !== '') return false;
  // The URL parser drops the default :443, so any port left is an odd one.
  if (parsed.port !== '') return false;
  const host = parsed.hostname;
  // Machine policy (`externalLinkAllowlist`) may add exact hosts, such as the firm's own intranet help page.
  if (extraHosts.some((extra) => extra.toLowerCase() === host)) return true;
  return allowedDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
