/** Browser mode's CSP: the same as Electron's (the page preview's pdf.js worker included), except the page may call its own loopback API. */
export const browserContentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; worker-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** Headers on every response of the browser-mode server. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': browserContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
