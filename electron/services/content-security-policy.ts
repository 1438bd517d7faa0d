/**
 * The Content-Security-Policy of every Karte page, in the desktop app and in browser mode: only the app's own
 * scripts, styles, fonts and API; no inline script, no plugins, no form posts elsewhere. Frames only of the app's
 * own origin (the briefing-pack preview, a document of its own with a policy that runs no script), and no page may
 * frame the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
