import type { ContentPack } from './types.js';

/**
 * The one registry of content packs, read by `<hearth-guide>`, `<hearth-faq>` and
 * `<hearth-assessment>`. A pack registers itself when its module is imported
 * (`import '@hearth/content-ptsd'`); a partner registers their own the same way.
 */
const packs = new Map<string, ContentPack>();

/** Adds a pack under `pack.manifest.id` (registering the same id again replaces it). Returns the pack. */
export function registerContentPack<T extends ContentPack>(pack: T): T {
  packs.set(pack.manifest.id, pack);
  return pack;
}

/** The pack registered as `id`, if any. */
export function contentPack(id: string): ContentPack | undefined {
  return packs.get(id);
}

/** Ids of every registered pack, in registration order. */
export function contentPackIds(): string[] {
  return [...packs.keys()];
}
