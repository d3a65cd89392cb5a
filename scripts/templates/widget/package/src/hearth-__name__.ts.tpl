import { html } from 'lit';
import { HearthElement, baseStyles, buttonStyles, registerTranslations } from '@hearth/core';
import en from './translations/en.json' with { type: 'json' };
import styles from './hearth-__name__.styles.js';

// English ships with the widget; Spanish loads the first time a widget renders in Spanish.
registerTranslations('__name__', en, { es: () => import('./translations/es.json', { with: { type: 'json' } }) });

/** `detail` of `hearth-__name__-toggle`. */
export interface __Name__ToggleDetail {
  open: boolean;
}

declare module '@hearth/core' {
  interface HearthEventDetailMap {
    /** The details were shown or hidden. */
    'hearth-__name__-toggle': __Name__ToggleDetail;
  }
}

/**
 * @summary __title__: a heading, a short text, and details the person can show or hide.
 *
 * @slot - The details, shown with "Show details".
 *
 * @event hearth-__name__-toggle - The details were shown or hidden. `detail: { open }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart body - The text under the heading.
 * @csspart toggle - The "Show details" / "Hide details" button.
 * @csspart details - The region holding the slotted details.
 * @csspart error - The error message.
 *
 * @cssproperty --hearth-__name__-background - Background. Default: `--hearth-color-background`.
 * @cssproperty --hearth-__name__-border - Border colour. Default: `--hearth-color-border-subtle`.
 */
export class Hearth__Name__ extends HearthElement {
  static override i18nNamespaces = ['__name__', 'core'];
  static override styles = [baseStyles, buttonStyles, styles];
  static override properties = {
    ...HearthElement.properties,
    heading: {},
    expanded: { state: true },
  };

  /** Heading text instead of the translated default (a partner may also override `__name__:title` in config `copy`). */
  declare heading: string | undefined;
  declare protected expanded: boolean;

  constructor() {
    super();
    this.expanded = false;
  }

  #handleToggle = (): void => {
    this.expanded = !this.expanded;
    this.emit('hearth-__name__-toggle', { open: this.expanded });
  };

  protected renderContent(): unknown {
    const t = (key: string) => this.localize.t(key);
    return html`<section class="hearth-root" part="base" aria-labelledby="heading">
      <h2 id="heading" class="heading" part="heading">${this.heading || t('title')}</h2>
      <p class="body" part="body">${t('body')}</p>
      <button
        class="button button--secondary"
        type="button"
        part="toggle"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="details"
        @click=${this.#handleToggle}
      >
        ${t(this.expanded ? 'toggle.hide' : 'toggle.show')}
      </button>
      <div id="details" class="details" part="details" ?hidden=${!this.expanded}><slot></slot></div>
    </section>`;
  }
}
