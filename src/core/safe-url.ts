/**
 * Media URLs from the host are allowed only when they can't leak or downgrade: `https:`,
 * `blob:`, and `http:` of the page's own origin (the local demo; a loopback server on another
 * port is another origin). A relative URL is allowed only when it resolves to the page's own
 * origin, so a protocol-relative `//evil.example/x` (or `/\evil.example`, or one with tabs
 * the URL parser drops) is refused. Everything else — `javascript:`, `data:`, `file:`, `ftp:`,
 * `http:` elsewhere — is refused and never requested.
 */
export function isSafeUrl(value: string): boolean {
  let url: URL;
  try {
    // Resolved the way the browser will resolve it (the document's base URL)…
    url = new URL(value, baseUrl());
  } catch {
    return false;
  }
  // …but "own origin" is the page's real one, not what a <base> element claims.
  const own = typeof location === 'undefined' ? undefined : location.origin;
  const http = url.protocol === 'https:' || url.protocol === 'http:';
  // Relative: it must stay on the page's origin (a protocol-relative one leaves it).
  if (!isAbsolute(value)) return http && url.origin === own;
  if (url.protocol === 'https:' || url.protocol === 'blob:') return true;
  return url.protocol === 'http:' && url.origin === own;
}

function isAbsolute(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function baseUrl(): string {
  return typeof document === 'undefined' ? 'https://invalid.invalid/' : document.baseURI;
}
