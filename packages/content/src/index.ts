/**
 * @hearth/content: what the widgets need to show a content pack. The registry of packs, the
 * small DOM helpers that turn compiled content into nodes and fill its placeholders, the source
 * controller shared by `<hearth-guide>` and `<hearth-faq>`, and the allow-list every renderer
 * obeys. No Markdown parser and no sanitizer here: those are `@hearth/content/markdown`, loaded
 * with `import()` only when a page gives Markdown.
 *
 * @module
 */
export type {
  CompiledFaq,
  CompiledGuide,
  ContentDocKind,
  ContentLabels,
  ContentLang,
  ContentPack,
  ContentPackEntry,
  ContentPackInfo,
  ContentPackManifest,
  ContentReviewer,
  ContentSource,
  FaqItem,
  FrontMatter,
  PlaceholderValues,
  TocEntry,
} from './types.js';
export { registerContentPack, contentPack, contentPackIds } from './registry.js';
export { packLoader, DeprecatedPackLoaders } from './pack-loader.js';
export { ContentSourceController, type ContentSourceOptions, type ContentStatus } from './source-controller.js';
export { htmlToFragment } from './runtime/fragment.js';
export { brandPlaceholders, contentLabels, fillPlaceholders, fillPlaceholderText, telHref } from './runtime/placeholders.js';
export { plainText } from './runtime/text.js';
export { setJsonScriptText } from './runtime/trusted-types.js';
export { headingDepth, shiftHeadings, splitFaq, tableOfContents, topHeadingDepth, type FaqSection } from './runtime/structure.js';
export { slugify, Slugger } from './slug.js';
export { ContentError, assertNotEmpty, dedent, fetchMarkdown, resolveContentUrl } from './runtime/fetch.js';
export { ALLOWED_ATTRS, ALLOWED_TAGS, PLACEHOLDER_KEYS, isAllowedUrl, type PlaceholderKey } from './allow-list.js';
