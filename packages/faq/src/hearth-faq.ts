import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  HearthElement,
  afterDocumentParsed,
  baseStyles,
  buttonStyles,
  crisisLines,
  isSafeLink,
  registerTranslations,
  type HearthConfig,
  type HearthFailure,
} from '@hearth/core';
import {
  ContentError,
  ContentSourceController,
  DeprecatedPackLoaders,
  assertNotEmpty,
  brandPlaceholders,
  contentLabels,
  fetchMarkdown,
  fillPlaceholderText,
  fillPlaceholders,
  htmlToFragment,
  packLoader,
  plainText,
  resolveContentUrl,
  setJsonScriptText,
  shiftHeadings,
  topHeadingDepth,
  type CompiledFaq,
  type ContentLabels,
  type PlaceholderValues,
} from '@hearth/content';
// The default pack registers itself as "ptsd".
import '@hearth/content-ptsd';
// The depression pack (`content="depression"`) registers only its manifest; its text loads on demand.
import '@hearth/content-depression';
import en from './translations/en.json' with { type: 'json' };
import { HearthFaqItem } from './hearth-faq-item.js';
import styles from './hearth-faq.styles.js';

registerTranslations('faq', en, { es: () => import('./translations/es.json', { with: { type: 'json' } }) });

export type FaqSourceKind = 'page' | 'pack' | 'src';

declare module '@hearth/core' {
  interface HearthEventDetailMap {
    /** The questions are on screen. */
    'hearth-faq-load': { count: number; lang: string; source: FaqSourceKind };
  }
}

/** A loader for a named content pack (the `content` attribute). */
export type FaqContentLoader = (lang: string) => Promise<CompiledFaq>;

interface LoadedQuestion {
  slug: string;
  question: string;
  /** A fresh copy of the answer's nodes, markers unfilled. */
  build(): DocumentFragment;
}

interface LoadedFaq {
  kind: 'pack' | 'src';
  lang?: string;
  questions: LoadedQuestion[];
}

interface ShownQuestion {
  slug: string;
  question: string;
  answerText: string;
  node: HTMLElement;
}

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const clampLevel = (value: number) => (Number.isFinite(value) ? Math.min(6, Math.max(2, Math.trunc(value))) : 3);
const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);
const JSON_LD_SELECTOR = ':scope > script[type="application/ld+json"][data-hearth-faq]';

/**
 * @summary Frequently asked questions as an accessible accordion: the default PTSD FAQ, a `src`
 * Markdown file (one heading per question), or `<hearth-faq-item>` children written in the page.
 *
 * @slot - `<hearth-faq-item>` elements written in the page (they win over `src` and the content pack).
 *
 * @event hearth-faq-toggle - A question opened or closed. `detail: { slug, open }`.
 * @event hearth-faq-load - The questions are shown. `detail: { count, lang, source }`.
 *
 * @csspart base - The wrapper.
 * @csspart search - The search box and its status line (with `searchable`).
 * @csspart search-input - The search field.
 * @csspart status - The live region that says how many questions match.
 * @csspart notice - "General information, not medical advice" and the crisis line, above the questions.
 * @csspart items - The list of questions.
 * @csspart error - The error message.
 *
 * @cssproperty --hearth-faq-border - Line between questions.
 * @cssproperty --hearth-faq-question-size - Font size of the questions.
 * @cssproperty --hearth-faq-question-color - Colour of the questions.
 */
export class HearthFaq extends HearthElement {
  static override widgetName = 'faq';
  static override i18nNamespaces = ['faq', 'core'];
  static override styles = [baseStyles, buttonStyles, styles];
  static override properties = {
    ...HearthElement.properties,
    content: { reflect: true },
    src: {},
    single: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    searchable: { type: Boolean, reflect: true },
    noJsonLd: { type: Boolean, attribute: 'no-json-ld' },
    query: { state: true },
    announcement: { state: true },
    pageItems: { state: true },
  };

  /**
   * @deprecated Register a pack with `registerContentPack()` from `@hearth/content` (guide, FAQ and
   * assessment read one registry). Loaders set here still work, with one console deprecation.
   */
  static contentPacks: Map<string, FaqContentLoader> = new DeprecatedPackLoaders<FaqContentLoader>('HearthFaq.contentPacks');

  /** Name of the content pack used when there are neither page items nor `src`. */
  declare content: string;
  /** URL of a Markdown file with one heading per question (https: or same site; `{lang}` is replaced). */
  declare src: string | undefined;
  /** Only one answer open at a time. */
  declare single: boolean;
  /** Heading level of the questions (2–6), to fit the page's outline. */
  declare headingLevel: number;
  /** Shows a search box that narrows the questions as you type. */
  declare searchable: boolean;
  /** Do not add FAQPage structured data (JSON-LD) for search engines. */
  declare noJsonLd: boolean;
  /** What the search box holds. */
  declare protected query: string;
  /** What the search's live region says once typing pauses. */
  declare protected announcement: string;
  /** `<hearth-faq-item>` children written in the page (they win over `src` and the pack). */
  declare protected pageItems: HearthFaqItem[];

  /** Where the questions come from: load, abort, "Try again" and the page's #faq-hash. */
  protected readonly source = new ContentSourceController<LoadedFaq | undefined>(this, {
    key: () => this.#sourceKey(),
    // Questions written in the page need no load: they are shown in this very update.
    load: (key, signal) => (key === 'page' ? undefined : this.#fetchFaq(signal)),
    shown: (doc) =>
      this.emit('hearth-faq-load', { count: this.items.length, lang: doc?.lang ?? this.localize.lang, source: doc?.kind ?? 'page' }),
    failed: (error) => this.fail(error, `faq:error.${error instanceof ContentError ? error.reason : 'content'}`),
    clearFailure: () => this.clearFailure(),
    afterDocumentParsed,
    showHash: (focus) => void this.#openFromHash(focus),
    parsed: () => this.#readPageItems(),
  });

  #shown: ShownQuestion[] = [];
  #builtKey: string | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #observer: MutationObserver | undefined;

  constructor() {
    super();
    this.content = 'ptsd';
    this.single = false;
    this.headingLevel = 3;
    this.searchable = false;
    this.noJsonLd = false;
    this.query = '';
    this.announcement = '';
    this.pageItems = [];
    this.addEventListener('hearth-faq-toggle', this.#handleToggle);
    this.addEventListener('keydown', this.#handleKeydown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readPageItems();
    // Items written in the page may be added or changed by a framework later.
    this.#observer = new MutationObserver((records) => {
      if (records.some((r) => r.target === this || (r.target as Element).closest?.('hearth-faq-item'))) this.#readPageItems();
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    clearTimeout(this.#announceTimer);
  }

  /** The question elements, in order (written in the page, or rendered from content). */
  get items(): HearthFaqItem[] {
    if (this.pageItems.length) return this.pageItems;
    return [...this.renderRoot.querySelectorAll<HearthFaqItem>('.items > hearth-faq-item')];
  }

  /** Opens the question with this slug (closing the others in `single` mode), scrolls to it and focuses it. */
  async showQuestion(slug: string, options: { focus?: boolean; scroll?: boolean } = {}): Promise<boolean> {
    await this.updateComplete;
    const item = this.items.find((i) => i.resolvedSlug === slug);
    if (!item) return false;
    if (this.query && item.hidden) this.#setQuery('');
    item.open = true;
    await item.updateComplete;
    if (options.scroll ?? true) item.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
    if (options.focus ?? true) item.focus({ preventScroll: true });
    return true;
  }

  #readPageItems(): void {
    const items = [...this.querySelectorAll<HearthFaqItem>(':scope > hearth-faq-item')];
    const same = items.length === this.pageItems.length && items.every((item, i) => item === this.pageItems[i]);
    if (!same) this.pageItems = items;
    else this.requestUpdate();
  }

  protected override configChanged(_config: HearthConfig): void {
    this.requestUpdate();
  }

  #sourceKey(): string {
    if (this.pageItems.length) return 'page';
    const lang = this.localize.lang;
    if (this.src) return `src|${this.src}|${this.src.includes('{lang}') ? lang : ''}`;
    return `pack|${this.content}|${lang}`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.source.sync();
    if (this.source.value && this.source.status === 'ready') this.#buildQuestions();
  }

  async #fetchFaq(signal: AbortSignal): Promise<LoadedFaq> {
    const lang = this.localize.lang;
    if (this.src) {
      const url = resolveContentUrl(this.src, lang);
      const [text, markdown] = await Promise.all([fetchMarkdown(url, signal), import('@hearth/content/markdown')]);
      assertNotEmpty(text, url.href);
      let result;
      try {
        result = markdown.markdownToFaq(text, { win: this.ownerDocument.defaultView ?? window });
      } catch (error) {
        throw new ContentError('content', `${url.href} could not be rendered: ${(error as Error).message}`, { cause: error });
      }
      if (!result.items.length)
        throw new ContentError('empty', `${url.href} has no questions: start each one with a heading (## Question?).`);
      return {
        kind: 'src',
        lang: result.frontMatter.lang,
        questions: result.items.map((item) => ({ ...item, build: () => item.answer.cloneNode(true) as DocumentFragment })),
      };
    }
    const loader = packLoader('faq', this.content, HearthFaq.contentPacks);
    const faq = await loader(lang);
    if (!faq.items.length) throw new ContentError('empty', `content pack "${this.content}" has no questions.`);
    return {
      kind: 'pack',
      lang: faq.lang,
      questions: faq.items.map((item) => ({ ...item, build: () => htmlToFragment(item.answerHtml, this.ownerDocument) })),
    };
  }

  #placeholderValues(): PlaceholderValues {
    return brandPlaceholders(this.hearthConfig?.brand, isSafeLink);
  }

  #labels(): ContentLabels {
    return contentLabels((key) => this.localize.t(key));
  }

  #buildQuestions(): void {
    const values = this.#placeholderValues();
    const labels = this.#labels();
    const level = clampLevel(this.headingLevel);
    const key = JSON.stringify([this.source.generation, values, labels, level]);
    if (key === this.#builtKey) return;
    this.#builtKey = key;
    this.#shown = this.source.value!.questions.map((question) => {
      const fragment = question.build();
      // Read before the markers are filled, then filled as text: the same words the reader sees.
      const answerText = plainText(fragment);
      const top = topHeadingDepth(fragment);
      if (top) shiftHeadings(fragment, level + 1 - top);
      fillPlaceholders(fragment, values, labels);
      const node = this.ownerDocument.createElement('div');
      node.className = 'answer';
      node.append(fragment);
      return {
        slug: question.slug,
        question: fillPlaceholderText(question.question, values),
        answerText: fillPlaceholderText(answerText, values),
        node,
      };
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const level = clampLevel(this.headingLevel);
    for (const item of this.pageItems) if (!item.hasAttribute('heading-level')) item.headingLevel = level;
    this.#applyFilter();
    this.#writeJsonLd();
  }

  /** The question and answer texts, in order (what search matches and the JSON-LD carries). */
  #entries(): { item: HearthFaqItem; question: string; answer: string }[] {
    if (this.pageItems.length) return this.pageItems.map((item) => ({ item, question: item.questionText, answer: item.answerText }));
    const items = this.items;
    return this.#shown.flatMap((q, i) => (items[i] ? [{ item: items[i]!, question: q.question, answer: q.answerText }] : []));
  }

  #applyFilter(): void {
    const words = normalize(this.searchable ? this.query : '')
      .split(' ')
      .filter(Boolean);
    for (const { item, question, answer } of this.#entries()) {
      const haystack = normalize(`${question} ${answer}`);
      const match = words.every((word) => haystack.includes(word));
      if (item.hidden === match) item.hidden = !match;
    }
  }

  #writeJsonLd(): void {
    const existing = this.querySelector<HTMLScriptElement>(JSON_LD_SELECTOR);
    const entries = this.source.status === 'ready' ? this.#entries().filter((e) => e.question && e.answer) : [];
    if (this.noJsonLd || !entries.length) {
      existing?.remove();
      return;
    }
    const data = {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      ...(this.source.value?.lang ? { inLanguage: this.source.value.lang } : {}),
      mainEntity: entries.map((e) => ({ '@type': 'Question', name: e.question, acceptedAnswer: { '@type': 'Answer', text: e.answer } })),
    };
    // "<" escaped so the text can never close the script element if the page is serialized.
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    if (existing?.textContent === json) return;
    try {
      // A data block (type application/ld+json) is never executed; it is plain text for search engines.
      const script = existing ?? this.ownerDocument.createElement('script');
      script.type = 'application/ld+json';
      script.setAttribute('data-hearth-faq', '');
      // Through the "hearth" Trusted Types policy when the page enforces them (it accepts JSON only).
      setJsonScriptText(script, json);
      if (!existing) this.append(script);
    } catch (error) {
      // Trusted Types may refuse text in any <script>: structured data is optional, the FAQ is not.
      console.warn('[hearth] <hearth-faq> could not add its FAQPage JSON-LD (set no-json-ld to silence this).', error);
    }
  }

  readonly #handleToggle = (event: Event): void => {
    const detail = (event as CustomEvent<{ open: boolean }>).detail;
    if (!this.single || !detail?.open) return;
    const source = event.composedPath().find((node): node is HearthFaqItem => node instanceof HearthFaqItem);
    if (!source) return;
    for (const item of this.items) if (item !== source && item.open) item.open = false;
  };

  // Optional keys of the APG accordion: arrows, Home and End move between the questions.
  readonly #handleKeydown = (event: KeyboardEvent): void => {
    if (!NAV_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const path = event.composedPath();
    if (!(path[0] instanceof HTMLElement) || !path[0].classList.contains('trigger')) return;
    const current = path.find((node): node is HearthFaqItem => node instanceof HearthFaqItem);
    const visible = this.items.filter((item) => !item.hidden);
    const index = current ? visible.indexOf(current) : -1;
    if (index === -1) return;
    const next =
      event.key === 'Home'
        ? visible[0]
        : event.key === 'End'
          ? visible.at(-1)
          : visible[(index + (event.key === 'ArrowDown' ? 1 : -1) + visible.length) % visible.length];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  async #openFromHash(focus: boolean): Promise<void> {
    const hash = typeof location === 'undefined' ? '' : location.hash;
    if (!hash.startsWith('#faq-')) return;
    let slug = hash.slice(5);
    try {
      slug = decodeURIComponent(slug);
    } catch {
      // keep it as written
    }
    await this.showQuestion(slug, { focus });
  }

  readonly #handleInput = (event: Event): void => this.#setQuery((event.target as HTMLInputElement).value);

  #setQuery(query: string): void {
    this.query = query;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#hearth-faq-search');
    if (input && input.value !== query) input.value = query;
    // Announce once typing pauses, not on every key.
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const trimmed = query.trim();
      if (!trimmed) {
        this.announcement = '';
        return;
      }
      const count = this.items.filter((item) => !item.hidden).length;
      this.announcement = count
        ? this.localize.t('search.matches', { count, query: trimmed })
        : this.localize.t('search.none', { query: trimmed });
    }, 350);
  }

  protected override renderFailure(failure: HearthFailure): TemplateResult {
    const base = super.renderFailure(failure);
    if (this.source.status !== 'error' || failure.messageKey !== 'faq:error.load') return base;
    return html`<div class="hearth-root">
      ${base}
      <button class="button button--secondary retry" type="button" part="retry" @click=${this.source.retry}>
        ${this.localize.t('error.retry')}
      </button>
    </div>`;
  }

  #renderSearch(): TemplateResult {
    return html`<div class="search" part="search" role="search">
      <label for="hearth-faq-search">${this.localize.t('search.label')}</label>
      <input
        id="hearth-faq-search"
        part="search-input"
        type="search"
        autocomplete="off"
        spellcheck="false"
        .value=${this.query}
        @input=${this.#handleInput}
      />
      <p class="status" part="status" role="status">${this.announcement}</p>
    </div>`;
  }

  /** Compact, for an FAQ embedded alone: general information, not advice, and the crisis line one tap away. */
  #renderNotice(): TemplateResult {
    const t = (key: string) => this.localize.t(key);
    return html`<p part="notice">${t('notice.notAdvice')} ${t('notice.crisis')} ${crisisLines(t, { variant: 'links' })}</p>`;
  }

  protected renderContent(): unknown {
    // Questions written in the page are shown as soon as they exist, even while the page is still parsing.
    if (this.source.status !== 'ready' && !this.pageItems.length) {
      return html`<div class="hearth-root" part="base">
        <p class="status" role="status">${this.localize.t('loading')}</p>
        <slot></slot>
      </div>`;
    }
    const level = clampLevel(this.headingLevel);
    const items = this.pageItems.length
      ? html`<slot></slot>`
      : repeat(
          this.#shown,
          (q) => q.slug,
          (q) => html`<hearth-faq-item slug=${q.slug} question=${q.question} heading-level=${level}>${q.node}</hearth-faq-item>`,
        );
    return html`<div class="hearth-root" part="base">
      ${this.#renderNotice()} ${this.searchable ? this.#renderSearch() : nothing}
      <div class="items" part="items" lang=${this.source.value?.lang ?? nothing}>${items}</div>
    </div>`;
  }
}
