/** Languages the default content pack is written in. */
export type ContentLang = 'en' | 'es';

export interface ContentSource {
  id: string;
  title: string;
  url: string;
}

export interface ContentReviewer {
  name: string;
  /** Clinical credentials ("MD", "PMHNP-BC"): only then is the line "Medically reviewed by". */
  credentials?: string;
}

/** Front matter of a content file, as validated at build time. */
export interface FrontMatter {
  title: string;
  description: string;
  lang: ContentLang;
  /** ISO date, `YYYY-MM-DD`. */
  lastReviewed: string;
  reviewer: ContentReviewer;
  sources: ContentSource[];
}

/** One heading of the table of contents. `depth` is the Markdown depth (2 for `##`). */
export interface TocEntry {
  id: string;
  /** Plain text; may hold `{{brand.*}}` placeholders, filled with `fillPlaceholderText()`. */
  text: string;
  depth: number;
}

/** A compiled guide: sanitized HTML with placeholder markers, its outline and front matter. */
export interface CompiledGuide {
  lang: ContentLang;
  frontMatter: FrontMatter;
  html: string;
  toc: TocEntry[];
}

export interface FaqItem {
  /** Stable id of the question (`faq-<slug>` deep links). */
  slug: string;
  /** Plain text; may hold placeholders. */
  question: string;
  /** Sanitized HTML with placeholder markers. */
  answerHtml: string;
  /** Plain text of the answer (for FAQPage JSON-LD); may hold placeholders. */
  answerText: string;
}

export interface CompiledFaq {
  lang: ContentLang;
  frontMatter: FrontMatter;
  items: FaqItem[];
}

/** Values the placeholders are filled with: the brand from the widget's config. */
export interface PlaceholderValues {
  name?: string;
  phone?: string;
  /** Used only if it is an https: URL or a #anchor. */
  bookingUrl?: string;
}

/** Translated words the widget puts into content markers (`data-hearth-label`). */
export interface ContentLabels {
  note: string;
  tip: string;
  important: string;
  warning: string;
  caution: string;
  /** Appended, visually hidden, to links that open a new tab. */
  newTab: string;
}
