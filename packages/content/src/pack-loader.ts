import { ContentError } from './runtime/fetch.js';
import { contentPack, contentPackIds } from './registry.js';
import type { ContentPack } from './types.js';

// Apart from the registry, so that reading a pack's manifest (the assessment does) does not
// bring the loaders' error type and fetch helpers with it.

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
  const loader = legacy.get(id) ?? contentPack(id)?.[kind];
  if (loader) return loader;
  const known = [...new Set([...contentPackIds(), ...legacy.keys()])].join(', ');
  throw new ContentError('content', `content="${id}" is not a known content pack (known: ${known}).`);
}
