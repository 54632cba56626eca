import { shell } from 'electron';
import { checkExternalUrl } from '../core/security/url-gate';

/** Hosts the firm's machine policy adds to the allowlist (`externalLinkAllowlist`); none until policy is read. */
let policyHosts: readonly string[] = [];

/** Takes the extra hosts machine policy allows (https only, exact host names). */
export function allowPolicyHosts(hosts: readonly string[]): void {
  policyHosts = [...hosts];
}

/**
 * THE one way the app opens a link in the user's browser. Security rule: external links only through the URL gate
 * (`checkExternalUrl`, an https allowlist). Anything off the allowlist is dropped silently, so a hostile document or
 * page cannot launch other programs (`file:`, custom schemes) or phishing sites; what is opened is the address as the
 * gate read it. Resolves to whether the browser took the link; it never rejects, since callers fire and forget.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  const verdict = checkExternalUrl(url, policyHosts);
  if (!verdict.isAllowed) {
    return false;
  }
  try {
    await shell.openExternal(verdict.url);
    return true;
  } catch {
    // No browser is registered for https on this machine; there is nothing more the app can do.
    return false;
  }
}
