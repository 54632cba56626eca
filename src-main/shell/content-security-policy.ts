/**
 * The Content-Security-Policy of every page the desktop app serves. Security rule: strict CSP with
 * `default-src 'none'`, scripts and styles from the app itself, and `connect-src 'none'` because the
 * renderer has no network in Electron (all court traffic runs in main, over IPC). `worker-src 'self'` lets the
 * page preview run pdf.js's own worker file, shipped with the app; nothing else may start a worker.
 */
export const electronContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
