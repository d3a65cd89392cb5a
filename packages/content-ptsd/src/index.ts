/**
 * @hearth/content-ptsd: the default content pack (a patient guide and an FAQ on PTSD and
 * ketamine-assisted therapy, in English and Spanish), compiled at build time to sanitized HTML,
 * plus the small DOM helpers the widgets use to show it. No Markdown parser and no sanitizer
 * here: those live in `@hearth/content-ptsd/markdown`, loaded only for `src` Markdown.
 *
 * English ships inside the bundle (it is the fallback); Spanish loads on demand.
 */
import type { CompiledFaq, CompiledGuide, ContentLang } from './types.js';
import { guide as enGuide } from './generated/guide.en.js';
import { faq as enFaq } from './generated/faq.en.js';

export type {
  CompiledFaq,
  CompiledGuide,
  ContentLabels,
  ContentLang,
  ContentReviewer,
  ContentSource,
  FaqItem,
  FrontMatter,
  PlaceholderValues,
  TocEntry,
} from './types.js';
export { enGuide, enFaq };
export { htmlToFragment } from './runtime/fragment.js';
export { brandPlaceholders, contentLabels, fillPlaceholders, fillPlaceholderText, telHref } from './runtime/placeholders.js';
export { plainText } from './runtime/text.js';
export { setJsonScriptText } from './runtime/trusted-types.js';
export { headingDepth, shiftHeadings, splitFaq, tableOfContents, topHeadingDepth, type FaqSection } from './runtime/structure.js';
export { slugify, Slugger } from './slug.js';
export { ContentError, assertNotEmpty, dedent, fetchMarkdown, resolveContentUrl } from './runtime/fetch.js';
export { ALLOWED_ATTRS, ALLOWED_TAGS, PLACEHOLDER_KEYS, isAllowedUrl, type PlaceholderKey } from './allow-list.js';

export const CONTENT_LANGS: readonly ContentLang[] = ['en', 'es'];

/** The guide in `lang` (English for any language the pack does not have). */
export function loadGuide(lang: string): Promise<CompiledGuide> {
  if (lang === 'es') return import('./generated/guide.es.js').then((m) => m.guide);
  return Promise.resolve(enGuide);
}

/** The FAQ in `lang` (English for any language the pack does not have). */
export function loadFaq(lang: string): Promise<CompiledFaq> {
  if (lang === 'es') return import('./generated/faq.es.js').then((m) => m.faq);
  return Promise.resolve(enFaq);
}
