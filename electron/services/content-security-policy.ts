/**
 * The Content-Security-Policy of every Karte page, in the desktop app and in browser mode: only the app's own
 * scripts, styles, fonts and API; no inline script, no plugins, no framing, no form posts elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
