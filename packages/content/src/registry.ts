import { ContentError } from './runtime/fetch.js';
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

/**
 * The static `contentPacks` map the guide and the FAQ had before the registry: a partner's
 * loaders set there still work, with one console deprecation per widget class.
 */
export class DeprecatedPackLoaders<T> extends Map<string, T> {
  readonly #name: string;
  #warned = false;
  constructor(name: string) {
    super();
    this.#name = name;
  }
  override set(key: string, value: T): this {
    if (!this.#warned) {
      this.#warned = true;
      console.warn(`[hearth] ${this.#name} is deprecated: register the pack with registerContentPack() from @hearth/content.`);
    }
    return super.set(key, value);
  }
}

/**
 * The loader of the `kind` document of pack `id`: from a widget's deprecated `contentPacks` map
 * first, then from the registry. Throws a ContentError that names the packs there are.
 */
export function packLoader<K extends 'guide' | 'faq'>(
  kind: K,
  id: string,
  legacy: ReadonlyMap<string, NonNullable<ContentPack[K]>>,
): NonNullable<ContentPack[K]> {
  const loader = legacy.get(id) ?? packs.get(id)?.[kind];
  if (loader) return loader;
  const known = [...new Set([...packs.keys(), ...legacy.keys()])].join(', ');
  throw new ContentError('content', `content="${id}" is not a known content pack (known: ${known}).`);
}
