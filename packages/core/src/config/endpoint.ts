const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Lead endpoints must be `https:`; plain `http:` is allowed only on the local machine, for
 * development and for the reference receiver. Health data never travels unencrypted.
 */
export function isAllowedEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** `https:` links only (or a same-page `#anchor`): used for booking links, logos and redirects. */
export function isSafeLink(value: string): boolean {
  if (value.startsWith('#')) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  } catch {
    return false;
  }
}
