import type { NoticeLink } from './notice-text';

/**
 * Mail domains that differ from the court id they send for. docs/court-rules.md#notice-format: Southern District
 * of Texas mail comes from `txs.uscourts.gov` while its CM/ECF host is `ecf.txsd.uscourts.gov`.
 */
const courtIdByMailDomain: Readonly<Record<string, string>> = { txs: 'txsd' };

const ecfHost = /^https?:\/\/ecf(?:-train)?\.([a-z0-9]+)\.uscourts\.gov(?:[:/?#]|$)/i;
const acmsHost = /^https?:\/\/([a-z0-9]+)-showdoc\.azurewebsites\.us(?:[:/?#]|$)/i;
const courtMailDomain = /@([a-z0-9]+)\.(?:uscourts\.gov|fedcourts\.us)\b/i;

/**
 * The court id of a notice. Links name the court's own CM/ECF host, so they come first; the sender's
 * domain is the fallback (a notice without court links, or a local training court on 127.0.0.1).
 * `senderAddresses` lists the From header first, then any "From:" lines of forwarded messages.
 */
export function findCourt(links: readonly NoticeLink[], senderAddresses: readonly string[]): string | null {
  for (const link of links) {
    const host = ecfHost.exec(link.href) ?? acmsHost.exec(link.href);
    if (host?.[1]) {
      return host[1].toLowerCase();
    }
  }
  for (const address of senderAddresses) {
    const domain = courtMailDomain.exec(address)?.[1]?.toLowerCase();
    if (domain) {
      return courtIdByMailDomain[domain] ?? domain;
    }
  }
  return null;
}
