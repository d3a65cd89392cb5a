/**
 * @hearth/content/markdown: the Markdown pipeline shared by the build (Node, jsdom) and the
 * widgets (loaded with `import()` only when a page gives a `src` or inline Markdown).
 *
 * Markdown → marked with Hearth's extensions (render.ts) → DOMPurify with the allow-list
 * (sanitize.ts) → a DocumentFragment with placeholder markers, filled by the widget with text.
 */
import type { ContentLabels, ContentLang, ContentReviewer, ContentSource, FrontMatter, TocEntry } from '../types.js';
import { splitFrontMatter, type FrontMatterValue } from './front-matter.js';
import { renderMarkdown } from './render.js';
import { sanitizeToFragment } from './sanitize.js';
import { splitFaq, tableOfContents } from '../runtime/structure.js';

export {
  renderMarkdown,
  createMarked,
  inlineText,
  CTA_HREF,
  BOOKING_PLACEHOLDER,
  type RenderOptions,
  type RenderResult,
  type RenderedHeading,
} from './render.js';
export { splitFrontMatter, FrontMatterError, type SplitDocument, type FrontMatterValue } from './front-matter.js';
export { sanitizeToFragment, sanitizeToHtml } from './sanitize.js';
export { DEFAULT_LABELS } from './labels.js';

const str = (value: FrontMatterValue | undefined): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * Reads front matter leniently (run time, `src` Markdown): keeps the known fields that have the
 * right shape, ignores the rest. The build validates strictly with zod instead.
 */
export function readFrontMatter(data: Record<string, FrontMatterValue>): Partial<FrontMatter> {
  const result: Partial<FrontMatter> = {};
  const title = str(data['title']);
  const description = str(data['description']);
  const lang = str(data['lang']);
  const lastReviewed = str(data['lastReviewed']);
  if (title) result.title = title;
  if (description) result.description = description;
  if (lang === 'en' || lang === 'es') result.lang = lang as ContentLang;
  if (lastReviewed && /^\d{4}-\d{2}-\d{2}$/.test(lastReviewed) && !Number.isNaN(Date.parse(lastReviewed)))
    result.lastReviewed = lastReviewed;
  const reviewer = data['reviewer'];
  if (reviewer && typeof reviewer === 'object' && !Array.isArray(reviewer)) {
    const name = str(reviewer['name']);
    const credentials = str(reviewer['credentials']);
    if (name) result.reviewer = { name, ...(credentials ? { credentials } : {}) } satisfies ContentReviewer;
  }
  const sources = data['sources'];
  if (Array.isArray(sources)) {
    result.sources = sources.flatMap((source): ContentSource[] => {
      if (!source || typeof source !== 'object' || Array.isArray(source)) return [];
      const url = str(source['url']);
      const sourceTitle = str(source['title']);
      if (!url || !sourceTitle || !/^https:\/\//i.test(url)) return [];
      return [{ id: str(source['id']) ?? url, title: sourceTitle, url }];
    });
  }
  return result;
}

export interface MarkdownDocument {
  frontMatter: Partial<FrontMatter>;
  fragment: DocumentFragment;
  toc: TocEntry[];
}

export interface ToFragmentOptions {
  labels?: Partial<ContentLabels>;
  /** The window whose document owns the result (an iframe's, in tests). */
  win?: Window;
}

/** Markdown file (front matter optional) → sanitized fragment with markers, its outline and front matter. */
export function markdownToFragment(source: string, options: ToFragmentOptions = {}): MarkdownDocument {
  const { data, body } = splitFrontMatter(source);
  const { html } = renderMarkdown(body, { labels: options.labels });
  const fragment = sanitizeToFragment(html, options.win ?? window);
  return { frontMatter: readFrontMatter(data), fragment, toc: tableOfContents(fragment) };
}

export interface MarkdownFaqItem {
  slug: string;
  question: string;
  answer: DocumentFragment;
}

/** FAQ Markdown (one heading per question) → questions with sanitized answers. */
export function markdownToFaq(
  source: string,
  options: ToFragmentOptions = {},
): { frontMatter: Partial<FrontMatter>; items: MarkdownFaqItem[] } {
  const { frontMatter, fragment } = markdownToFragment(source, options);
  return { frontMatter, items: splitFaq(fragment) };
}
