import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { HearthElement, baseStyles } from '@hearth/core';
import { plainText, slugify } from '@hearth/content';
import styles from './hearth-faq-item.styles.js';

declare module '@hearth/core' {
  interface HearthEventDetailMap {
    /** A question opened or closed. */
    'hearth-faq-toggle': { slug: string; open: boolean };
  }
}

const clampLevel = (value: number) => (Number.isFinite(value) ? Math.min(6, Math.max(2, Math.trunc(value))) : 3);

/**
 * @summary One question of `<hearth-faq>`: a heading holding a button that shows or hides the
 * answer (the WAI-ARIA accordion pattern). Written in the page, it is readable and findable
 * before JavaScript runs; once upgraded, a closed answer uses `hidden="until-found"`, so the
 * browser's find-in-page still finds and opens it.
 *
 * @slot question - The question (e.g. `<h3 slot="question">…</h3>`); or use the `question` attribute.
 * @slot - The answer.
 *
 * @event hearth-faq-toggle - The answer opened or closed. `detail: { slug, open }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading element around the button.
 * @csspart question - The button.
 * @csspart icon - The chevron.
 * @csspart answer - The answer's region.
 *
 * @cssproperty --hearth-faq-border - Line between questions.
 * @cssproperty --hearth-faq-question-size - Font size of the questions.
 * @cssproperty --hearth-faq-question-color - Colour of the questions.
 */
export class HearthFaqItem extends HearthElement {
  static override widgetName = 'faq-item';
  static override styles = [baseStyles, styles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    ...HearthElement.properties,
    open: { type: Boolean, reflect: true },
    question: {},
    slug: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Whether the answer is shown. */
  declare open: boolean;
  /** The question as text, when there is no `slot="question"` child. */
  declare question: string | undefined;
  /** Id for deep links (`#faq-<slug>`); defaults to the item's id without "faq-", then to the question's words. */
  declare slug: string | undefined;
  /** Level of the heading around the question (2–6); `<hearth-faq>` sets it for its items. */
  declare headingLevel: number;

  constructor() {
    super();
    this.open = false;
    this.headingLevel = 3;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Lets the browser's own #faq-slug navigation reach questions written in the page.
    if (!this.id && this.resolvedSlug) this.id = `faq-${this.resolvedSlug}`;
  }

  /** The slug used for deep links and events. */
  get resolvedSlug(): string {
    if (this.slug) return this.slug;
    if (this.id.startsWith('faq-')) return this.id.slice(4);
    const text = this.questionText;
    return text ? slugify(text) : '';
  }

  /** The question as plain text. */
  get questionText(): string {
    const slotted = this.querySelector(':scope > [slot="question"]');
    return (slotted ? plainText(slotted) : (this.question ?? '')).replace(/\s+/g, ' ').trim();
  }

  /** The answer as plain text (what search matches and FAQPage JSON-LD carries). */
  get answerText(): string {
    const parts: string[] = [];
    for (const node of Array.from(this.childNodes)) {
      if (node.nodeType === 1 && (node as Element).getAttribute('slot') === 'question') continue;
      if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
      else if (node.nodeType === 1) parts.push(plainText(node));
    }
    return parts
      .join('\n')
      .replace(/[ \t]+/g, ' ')
      .replace(/\n\s*\n+/g, '\n')
      .trim();
  }

  show(): void {
    this.open = true;
  }

  hide(): void {
    this.open = false;
  }

  toggle(): void {
    this.open = !this.open;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('open') && changed.get('open') !== undefined)
      this.emit('hearth-faq-toggle', { slug: this.resolvedSlug, open: this.open });
  }

  readonly #handleClick = (): void => this.toggle();

  // Find-in-page (or a text fragment) found words inside the closed answer: the browser is
  // about to reveal it, so the accordion state follows.
  readonly #handleBeforeMatch = (): void => {
    this.open = true;
  };

  protected renderContent(): unknown {
    const tag = unsafeStatic(`h${clampLevel(this.headingLevel)}`);
    return html`<div class="hearth-root" part="base">
      ${staticHtml`<${tag} class="heading" part="heading">
        <button id="trigger" class="trigger" part="question" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="answer" @click=${this.#handleClick}>
          <span class="question"><slot name="question">${this.question ?? nothing}</slot></span>
          <span class="icon" part="icon" aria-hidden="true"></span>
        </button>
      </${tag}>`}
      <div
        id="answer"
        class="panel"
        part="answer"
        role="region"
        aria-labelledby="trigger"
        hidden=${this.open ? nothing : 'until-found'}
        @beforematch=${this.#handleBeforeMatch}
      >
        <div class="panel__inner"><slot></slot></div>
      </div>
    </div>`;
  }
}
