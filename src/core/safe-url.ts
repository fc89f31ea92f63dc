/**
 * Media URLs from the host are allowed only when they can't leak or downgrade:
 * https:, blob:, and http on loopback (a potentially trustworthy origin, used by the
 * local demo). Everything else — http:, javascript:, data:, file: — is refused.
 */
export function isSafeUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value, typeof document === 'undefined' ? 'https://invalid.invalid/' : document.baseURI);
  } catch {
    return false;
  }
  if (url.protocol === 'https:' || url.protocol === 'blob:') return true;
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
