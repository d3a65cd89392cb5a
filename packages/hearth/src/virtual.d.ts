// Modules generated at build time by scripts/plugins.mjs from the workspace's widget packages.
declare module 'virtual:hearth/widgets' {
  import type { ElementList } from './runtime.js';
  /** Tag suffix (`faq-item`) → chunk key (`faq`); '' is the shared runtime chunk (the provider). */
  export const tags: Record<string, string>;
  /** Chunk key → loader of that chunk's element classes. */
  export const chunks: Record<string, () => Promise<{ elements: ElementList }>>;
  /** Chunk key → its static dependencies (`runtime-TeHWq9H1` for chunks/runtime-TeHWq9H1.js), fetched in parallel with it. */
  export const preload: Record<string, readonly string[] | undefined>;
}

declare module 'virtual:hearth/all' {
  import type { ElementList } from './runtime.js';
  /** Every element class of every widget package, the provider first. */
  export const elements: ElementList;
}

/** @hearth/core's VERSION, inlined by the build so the loader need not import core. */
declare const __HEARTH_VERSION__: string;
