import { reportOnce, type ConfigLayer } from '@hearth/core';
import { contentPack, contentPackIds } from '@hearth/content';
// The default pack ("ptsd") registers itself, as it does for the guide and the FAQ.
import '@hearth/content-ptsd';
// The depression pack (`content="depression"`) registers only its manifest; its text loads on demand.
import '@hearth/content-depression';
import { REVIEW_ITEMS, type ReviewItem } from './flow.js';

/**
 * What the assessment takes from a content pack's manifest (the `content` attribute, read from
 * the one registry the guide and the FAQ read too): the default instrument, as the lowest config
 * layer (the page's config and the `instrument` attribute override it), and the items a clinician
 * reviews, in the pack's order.
 */

/** Why `content="id"` cannot be used, or undefined when the pack is registered. */
export function unknownPackMessage(id: string): string | undefined {
  if (contentPack(id)) return undefined;
  return `content="${id}" is not a known content pack (known: ${contentPackIds().join(', ')}). Register it with registerContentPack() from @hearth/content, or remove the attribute.`;
}

/** The pack's default instrument as a config layer (validated with the rest: a wrong id is a config error naming the pack). */
export function packConfigDefaults(id: string): ConfigLayer | undefined {
  const instrument = contentPack(id)?.manifest.defaultInstrument;
  return instrument ? { source: `the manifest of content pack "${id}"`, input: { assessment: { instrument } } } : undefined;
}

/**
 * The review items the pack lists, in its order; every built-in one when it lists none. An id the
 * assessment has no wording for is left out, with one console error naming it.
 */
export function packReviewItems(id: string): readonly ReviewItem[] {
  const listed = contentPack(id)?.manifest.reviewItems;
  if (!listed) return REVIEW_ITEMS;
  const unknown = listed.filter((item) => !(REVIEW_ITEMS as readonly string[]).includes(item));
  if (unknown.length) {
    reportOnce(
      `Content pack "${id}" lists review items the assessment has no wording for: ${unknown.join(', ')}. Use ${REVIEW_ITEMS.join(', ')}.`,
    );
  }
  return REVIEW_ITEMS.filter((item) => listed.includes(item)).sort((a, b) => listed.indexOf(a) - listed.indexOf(b));
}
