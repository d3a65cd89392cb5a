import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import {
  HearthElement,
  afterDocumentParsed,
  baseStyles,
  buttonStyles,
  isSafeLink,
  registerTranslations,
  type HearthConfig,
  type HearthFailure,
} from '@hearth/core';
import { instrumentPlaceholders } from './instrument-placeholders.js';
import {
  ContentError,
  ContentSourceController,
  DeprecatedPackLoaders,
  assertNotEmpty,
  brandPlaceholders,
  contentLabels,
  dedent,
  fetchMarkdown,
  fillPlaceholderText,
  fillPlaceholders,
  htmlToFragment,
  packLoader,
  contentPack,
  resolveContentUrl,
  shiftHeadings,
  topHeadingDepth,
  type CompiledGuide,
  type ContentLabels,
  type FrontMatter,
  type PlaceholderValues,
  type TocEntry,
} from '@hearth/content';
// The default pack registers itself as "ptsd".
import '@hearth/content-ptsd';
// The depression pack (`content="depression"`) registers only its manifest; its text loads on demand.
import '@hearth/content-depression';
import en from './translations/en.json' with { type: 'json' };
import styles from './hearth-guide.styles.js';

registerTranslations('guide', en, { es: () => import('./translations/es.json', { with: { type: 'json' } }) });

declare module '@hearth/core' {
  interface HearthEventDetailMap {
    /** The guide is on screen: its top-level sections, the language and where the content came from. */
    'hearth-guide-load': { sections: { id: string; title: string }[]; lang: string; source: GuideSourceKind };
    /** Deprecated alias of `hearth-cta` (`{ widget: 'guide', action: 'assessment' }`); fired after it. */
    'hearth-guide-cta': { target: 'assessment' };
  }
}

export type GuideSourceKind = 'pack' | 'src' | 'inline' | 'property';

/** A loader for a named content pack (the `content` attribute). */
export type GuideContentLoader = (lang: string) => Promise<CompiledGuide>;

interface LoadedGuide {
  kind: GuideSourceKind;
  frontMatter: Partial<FrontMatter>;
  toc: TocEntry[];
  /** A fresh copy of the content's nodes, markers unfilled. */
  build(): DocumentFragment;
}

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const clampLevel = (value: number) => (Number.isFinite(value) ? Math.min(6, Math.max(1, Math.trunc(value))) : 2);

/**
 * @summary A patient-education guide rendered from Markdown: the default PTSD guide, a `src`
 * URL, or inline Markdown, with a table of contents, callouts, sources and a reviewed-by line.
 *
 * @slot - An optional `<script type="text/markdown">` holding the guide's Markdown.
 *
 * @event hearth-guide-load - The content is shown. `detail: { sections, lang, source }`.
 * @event hearth-cta - The call to action (a link to `#hearth-assessment`) was used. Cancelable. `detail: { widget: 'guide', action: 'assessment', href }`.
 * @event hearth-guide-cta - Deprecated alias of `hearth-cta`, with `detail: { target: 'assessment' }`; a listener that uses it logs one deprecation warning.
 *
 * @csspart base - The wrapper.
 * @csspart article - The guide's article element.
 * @csspart title - The title (with `show-title`).
 * @csspart reviewed - The "reviewed by … on …" line.
 * @csspart toc - The table of contents (with `toc`).
 * @csspart content - The rendered Markdown.
 * @csspart sources - The list of sources.
 * @csspart error - The error message.
 *
 * @cssproperty --hearth-guide-max-width - Longest line of text (default 42rem).
 * @cssproperty --hearth-guide-spacing - Space between blocks (default --hearth-space-m).
 * @cssproperty --hearth-guide-toc-background - Background of the table of contents.
 * @cssproperty --hearth-guide-scroll-margin - Space kept above a heading scrolled to (for sticky headers).
 */
export class HearthGuide extends HearthElement {
  static override widgetName = 'guide';
  static override i18nNamespaces = ['guide', 'core'];
  static override styles = [baseStyles, buttonStyles, styles];
  static override properties = {
    ...HearthElement.properties,
    content: { reflect: true },
    src: {},
    toc: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    showTitle: { type: Boolean, attribute: 'show-title' },
    markdown: { attribute: false },
    slow: { state: true },
  };

  /**
   * @deprecated Register a pack with `registerContentPack()` from `@hearth/content` (guide, FAQ and
   * assessment read one registry). Loaders set here still work, with one console deprecation.
   */
  static contentPacks: Map<string, GuideContentLoader> = new DeprecatedPackLoaders<GuideContentLoader>('HearthGuide.contentPacks');

  /** Name of the content pack used when neither `src` nor Markdown is given. */
  declare content: string;
  /** URL of a Markdown file (https: or same site). `{lang}` is replaced by the language. */
  declare src: string | undefined;
  /** Shows a table of contents. */
  declare toc: boolean;
  /** Level of the guide's top headings, to fit the host page's outline (the page has its h1). */
  declare headingLevel: number;
  /** Shows the front-matter title as a heading at `heading-level` (sections go one deeper). */
  declare showTitle: boolean;
  /** Markdown set as a property (wins over `src` and inline Markdown). */
  declare markdown: string | undefined;
  /** The load takes long enough to say "Loading…". */
  declare protected slow: boolean;

  /** Where the guide comes from: load, abort, "Try again" and the page's #hash. */
  protected readonly source = new ContentSourceController<LoadedGuide>(this, {
    key: () => this.#sourceKey(),
    load: (_key, signal) => this.#fetchDocument(signal),
    loading: () => {
      this.slow = false;
      clearTimeout(this.#slowTimer);
      // Say "Loading…" only if it takes long enough to notice; no flash for the built-in guide.
      this.#slowTimer = setTimeout(() => (this.slow = true), 300);
    },
    ready: () => clearTimeout(this.#slowTimer),
    shown: (doc) =>
      this.emit('hearth-guide-load', { sections: this.sections, lang: doc.frontMatter.lang ?? this.localize.lang, source: doc.kind }),
    failed: (error) => {
      clearTimeout(this.#slowTimer);
      this.fail(error, `guide:error.${error instanceof ContentError ? error.reason : 'content'}`);
    },
    clearFailure: () => this.clearFailure(),
    afterDocumentParsed,
    showHash: (focus) => this.#scrollToHash(focus),
  });

  #contentNode: HTMLElement | undefined;
  #builtKey: string | undefined;
  #observer: MutationObserver | undefined;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.content = 'ptsd';
    this.toc = false;
    this.headingLevel = 2;
    this.showTitle = false;
    this.slow = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Inline Markdown may be filled in by a framework after we upgrade.
    this.#observer = new MutationObserver(() => this.requestUpdate());
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    clearTimeout(this.#slowTimer);
  }

  /** The sections of the guide on screen (what `hearth-guide-load` reported). */
  get sections(): { id: string; title: string }[] {
    const toc = this.source.value?.toc ?? [];
    const top = Math.min(...toc.map((e) => e.depth));
    return toc.filter((e) => e.depth === top).map((e) => ({ id: e.id, title: this.#fillText(e.text) }));
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.source.sync();
    if (this.source.value && this.source.status === 'ready') this.#buildContent();
  }

  protected override configChanged(_config: HearthConfig): void {
    this.requestUpdate();
  }

  #inlineMarkdown(): string | undefined {
    const script = this.querySelector(':scope > script[type="text/markdown"]');
    return script ? dedent(script.textContent ?? '') : undefined;
  }

  #sourceKey(): string {
    const lang = this.localize.lang;
    if (this.markdown !== undefined) return `property|${this.markdown}`;
    if (this.src) return `src|${this.src}|${this.src.includes('{lang}') ? lang : ''}`;
    const inline = this.#inlineMarkdown();
    if (inline !== undefined) return `inline|${inline}`;
    return `pack|${this.content}|${lang}`;
  }

  async #fetchDocument(signal: AbortSignal): Promise<LoadedGuide> {
    const lang = this.localize.lang;
    if (this.markdown !== undefined) return this.#fromMarkdown(this.markdown, 'property', 'The markdown property');
    if (this.src) {
      const url = resolveContentUrl(this.src, lang);
      const [text] = await Promise.all([fetchMarkdown(url, signal), import('@hearth/content/markdown')]);
      return this.#fromMarkdown(text, 'src', url.href);
    }
    const inline = this.#inlineMarkdown();
    if (inline !== undefined) return this.#fromMarkdown(inline, 'inline', 'The inline <script type="text/markdown">');
    const loader = packLoader('guide', this.content, HearthGuide.contentPacks);
    const guide = await loader(lang);
    return { kind: 'pack', frontMatter: guide.frontMatter, toc: guide.toc, build: () => htmlToFragment(guide.html, this.ownerDocument) };
  }

  async #fromMarkdown(text: string, kind: GuideSourceKind, where: string): Promise<LoadedGuide> {
    assertNotEmpty(text, where);
    // Marked and DOMPurify load only now: pages with the built-in guide never download them.
    const { markdownToFragment } = await import('@hearth/content/markdown');
    let result;
    try {
      result = markdownToFragment(text, { win: this.ownerDocument.defaultView ?? window });
    } catch (error) {
      throw new ContentError('content', `${where} could not be rendered: ${(error as Error).message}`, { cause: error });
    }
    if (!result.fragment.childNodes.length) throw new ContentError('empty', `${where} has nothing left to show after sanitizing.`);
    const pristine = result.fragment;
    return { kind, frontMatter: result.frontMatter, toc: result.toc, build: () => pristine.cloneNode(true) as DocumentFragment };
  }

  #placeholderValues(): PlaceholderValues {
    const config = this.hearthConfig;
    // The assessment's section may not be loaded on a guide-only page: read the partner's choice as given.
    const configured = (config as { assessment?: { instrument?: string } } | undefined)?.assessment?.instrument;
    const instrument = configured ?? contentPack(this.content)?.manifest.defaultInstrument;
    return brandPlaceholders(config?.brand, isSafeLink, instrumentPlaceholders(instrument));
  }

  #labels(): ContentLabels {
    return contentLabels((key) => this.localize.t(key));
  }

  #fillText(text: string): string {
    return fillPlaceholderText(text, this.#placeholderValues());
  }

  #topLevel(): number {
    return clampLevel(this.headingLevel) + (this.showTitle ? 1 : 0);
  }

  /** (Re)builds the content's nodes when the content, the brand, the language or the outline changes. */
  #buildContent(): void {
    const labels = this.#labels();
    const key = JSON.stringify([this.source.generation, this.#placeholderValues(), labels, this.#topLevel()]);
    if (key === this.#builtKey && this.#contentNode) return;
    this.#builtKey = key;
    const fragment = this.source.value!.build();
    const top = topHeadingDepth(fragment);
    if (top) shiftHeadings(fragment, Math.min(6, this.#topLevel()) - top);
    fillPlaceholders(fragment, this.#placeholderValues(), labels);
    const container = this.ownerDocument.createElement('div');
    container.className = 'content-body';
    container.append(fragment);
    this.#contentNode = container;
  }

  readonly #handleClick = (event: MouseEvent): void => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || event.defaultPrevented) return;
    if (link.hasAttribute('data-hearth-cta')) {
      this.track('cta', { step: 'assessment' });
      const proceed = this.emitCta('assessment', link.getAttribute('href') ?? undefined);
      if (!proceed) event.preventDefault();
      return;
    }
    const href = link.getAttribute('href');
    if (!href?.startsWith('#') || href.length < 2) return;
    const target = this.#findTarget(href.slice(1));
    if (!target) return;
    // Ids inside a shadow root are invisible to the browser's own #fragment navigation.
    event.preventDefault();
    this.#scrollTo(target, true);
  };

  #findTarget(id: string): HTMLElement | null {
    let decoded = id;
    try {
      decoded = decodeURIComponent(id);
    } catch {
      // keep it as written
    }
    return this.renderRoot.querySelector<HTMLElement>(`.content [id="${CSS.escape(decoded)}"]`);
  }

  #scrollTo(target: HTMLElement, focus: boolean): void {
    target.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
    if (!focus) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }

  #scrollToHash(focus: boolean): void {
    const hash = typeof location === 'undefined' ? '' : location.hash;
    if (hash.length < 2) return;
    const target = this.#findTarget(hash.slice(1));
    if (target) this.#scrollTo(target, focus);
  }

  /** Load failures offer "Try again"; config errors do not (the site owner must fix those). */
  protected override renderFailure(failure: HearthFailure): TemplateResult {
    const base = super.renderFailure(failure);
    if (this.source.status !== 'error' || failure.messageKey !== 'guide:error.load') return base;
    return html`<div class="hearth-root">
      ${base}
      <button class="button button--secondary retry" type="button" part="retry" @click=${this.source.retry}>
        ${this.localize.t('error.retry')}
      </button>
    </div>`;
  }

  #heading(level: number, content: unknown, attrs: { id?: string; className: string; part: string }): TemplateResult {
    const tag = unsafeStatic(`h${clampLevel(level)}`);
    return staticHtml`<${tag} id=${attrs.id ?? nothing} class=${attrs.className} part=${attrs.part}>${content}</${tag}>`;
  }

  #reviewedLine(frontMatter: Partial<FrontMatter>): string | undefined {
    // A partner's reviewer is named only with the date they reviewed it: pairing their name with
    // the content pack's review date would claim a review that never happened.
    const brandReviewer = this.hearthConfig?.brand.reviewer;
    const useBrand = brandReviewer?.reviewedOn !== undefined;
    const reviewer = useBrand ? brandReviewer : frontMatter.reviewer;
    const reviewedOn = useBrand ? brandReviewer?.reviewedOn : frontMatter.lastReviewed;
    const date = reviewedOn ? this.localize.date(reviewedOn) : undefined;
    const t = (key: string) => this.localize.t(key, { name: reviewer?.name, credentials: reviewer?.credentials, date });
    // "Medically reviewed" only with credentials: never imply a clinician who is not there.
    if (reviewer?.credentials) return t(date ? 'reviewed.medical' : 'reviewed.medicalNoDate');
    if (reviewer) return t(date ? 'reviewed.byName' : 'reviewed.byNameNoDate');
    return date ? t('reviewed.dateOnly') : undefined;
  }

  #renderToc(entries: TocEntry[]): TemplateResult | typeof nothing {
    if (!entries.length) return nothing;
    const top = Math.min(...entries.map((e) => e.depth));
    const groups: { entry: TocEntry; children: TocEntry[] }[] = [];
    for (const entry of entries) {
      if (entry.depth === top || !groups.length) groups.push({ entry, children: [] });
      else if (entry.depth === top + 1) groups[groups.length - 1]!.children.push(entry);
    }
    const link = (entry: TocEntry) => html`<a href="#${entry.id}">${this.#fillText(entry.text)}</a>`;
    return html`<nav class="toc" part="toc" aria-labelledby="hearth-guide-toc-title">
      <p class="toc__title" id="hearth-guide-toc-title">${this.localize.t('toc.title')}</p>
      <ol>
        ${groups.map(
          (group) =>
            html`<li>
              ${link(group.entry)}${
                group.children.length
                  ? html`<ol>
                      ${group.children.map((child) => html`<li>${link(child)}</li>`)}
                    </ol>`
                  : nothing
              }
            </li>`,
        )}
      </ol>
    </nav>`;
  }

  protected renderContent(): unknown {
    const t = (key: string) => this.localize.t(key);
    const doc = this.source.value;
    if (this.source.status !== 'ready' || !doc || !this.#contentNode) {
      return html`<div class="hearth-root" part="base">
        <p class="status" role="status">${this.slow ? t('loading') : ''}</p>
      </div>`;
    }
    const fm = doc.frontMatter;
    const level = clampLevel(this.headingLevel);
    const reviewed = this.#reviewedLine(fm);
    const sources = (fm.sources ?? []).filter((s) => isSafeLink(s.url) && !s.url.startsWith('#'));
    return html`<div class="hearth-root" part="base">
      <article class="guide" part="article" lang=${fm.lang ?? nothing} @click=${this.#handleClick}>
        ${this.showTitle && fm.title ? this.#heading(level, fm.title, { className: 'title', part: 'title' }) : nothing}
        ${reviewed ? html`<p class="reviewed" part="reviewed">${reviewed}</p>` : nothing}
        ${this.toc ? this.#renderToc(doc.toc.filter((e) => e.depth <= Math.min(...doc.toc.map((d) => d.depth)) + 1)) : nothing}
        <div class="content" part="content">${this.#contentNode}</div>
        ${
          sources.length
            ? html`<section class="sources" part="sources" aria-labelledby="hearth-guide-sources-title">
                ${this.#heading(this.#topLevel(), t('sources.title'), { id: 'hearth-guide-sources-title', className: 'sources__title', part: 'sources-title' })}
                <ol>
                  ${sources.map(
                    (source) =>
                      html`<li>
                        <a href=${source.url} rel="noopener noreferrer" target="_blank"
                          >${source.title}<span class="visually-hidden"> ${t('newTab')}</span></a
                        >
                      </li>`,
                  )}
                </ol>
              </section>`
            : nothing
        }
      </article>
    </div>`;
  }
}
