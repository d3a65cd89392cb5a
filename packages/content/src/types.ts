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
  /**
   * Sanitized HTML with placeholder markers. Its plain text (search, FAQPage JSON-LD) is read
   * from the nodes at runtime with `plainText()`, not shipped a second time.
   */
  answerHtml: string;
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
  /** The other keys (`instrument.*`): a value, or undefined to hide `{{#key}}…{{/key}}`. */
  extra?: Readonly<Record<string, string | undefined>>;
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

/** What a content pack has: Markdown documents of these kinds, one file per language. */
export type ContentDocKind = 'guide' | 'faq';

/** One document of a pack (the guide, the FAQ), as its manifest describes it. */
export interface ContentPackEntry {
  /** File name inside each language folder: `content/<lang>/<file>`. */
  file: string;
  /** Ids of the `## Section {#id}` headings (questions, for an FAQ) an editor may not remove. */
  requiredSections: string[];
  /** A link target the document must use at least once (the guide's call to action, `#hearth-assessment`). */
  requiredLink?: string;
}

/**
 * A pack's `manifest.json`, validated by `hearth-content check` (the zod schema is
 * `@hearth/content/manifest`). Everything a widget needs to know about a pack that is not prose.
 */
export interface ContentPackManifest {
  /** The name pages use: `<hearth-guide content="ptsd">`. */
  id: string;
  /** A human name for the pack. */
  title: string;
  /** Languages the pack is written in; the first is the fallback for any other language. */
  languages: ContentLang[];
  guide?: ContentPackEntry;
  faq?: ContentPackEntry;
  /** Who answers for the pack's text (each file's front matter names its reviewer in its own language). */
  reviewer: ContentReviewer;
  /** The screening instrument the pack's guide leads to (an assessment instrument id). */
  defaultInstrument?: string;
  /** What a clinician reviews before treatment (assessment review item ids). */
  reviewItems?: string[];
}

/**
 * The part of a manifest a page needs: what the entries say about checking files (file names,
 * required sections) stays with `hearth-content`. The pack's loaders say which documents it has.
 */
export type ContentPackInfo = Omit<ContentPackManifest, 'guide' | 'faq'>;

/**
 * A registered content pack: its manifest (the run-time part), and loaders for its compiled
 * documents. A loader returns the document in `lang`, or in the pack's first language when it
 * lacks `lang`.
 */
export interface ContentPack {
  manifest: ContentPackInfo;
  guide?: (lang: string) => Promise<CompiledGuide>;
  faq?: (lang: string) => Promise<CompiledFaq>;
}
