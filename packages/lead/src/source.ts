import type { z } from 'zod/mini';
import type { SourceSchema } from './schema.js';

type Source = z.output<typeof SourceSchema>;
const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/**
 * Where the lead came from, for the clinic's marketing: the page without its query string or
 * fragment (which may hold tokens or an email address), the referring site's origin and path,
 * the UTM parameters and the ad click ids.
 */
export function collectSource(href: string = location.href, referrer: string = document.referrer): Source {
  const url = new URL(href);
  const params = url.searchParams;
  const utm: NonNullable<Source['utm']> = {};
  for (const key of UTM_KEYS) {
    const value = params.get(`utm_${key}`);
    if (value) utm[key] = value.slice(0, 500);
  }
  const source: Source = { url: `${url.origin}${url.pathname}` };
  if (referrer) {
    try {
      const ref = new URL(referrer);
      source.referrer = `${ref.origin}${ref.pathname}`;
    } catch {
      // An unparsable referrer is simply left out.
    }
  }
  if (Object.keys(utm).length) source.utm = utm;
  const gclid = params.get('gclid');
  const fbclid = params.get('fbclid');
  if (gclid) source.gclid = gclid.slice(0, 500);
  if (fbclid) source.fbclid = fbclid.slice(0, 500);
  return source;
}
