import { css, html, nothing, type TemplateResult } from 'lit';
import { token } from '../styles/tokens.js';

/** Looks up a `core:crisis.*` string in the widget's language (e.g. `this.localize.t`). */
export type CrisisTranslate = (key: string) => string;

export interface CrisisLinesOptions {
  /**
   * - `links`: "Call 988" and "Text 988", for a sentence or bar of your own;
   * - `call`: "Call 988" alone;
   * - `line` (default): the short sentence ("If you are in crisis… call or text 988 now.") and the links;
   * - `panel`: every line, titled: the 988 Lifeline (call, text), the Veterans Crisis Line
   *   (988 then 1, text 838255, chat), 911 and the online chat.
   * In Spanish, "Call 988" says to press 2 and "Text 988" sends AYUDA (`sms:988?&body=AYUDA`).
   */
  variant?: 'links' | 'call' | 'line' | 'panel';
  /** Between "Call 988" and "Text 988" (`links` and `line`). Default " · ". */
  separator?: string;
  /** `links`: "Call 911" too, after the same separator. */
  emergency?: boolean;
  /** `class` of the `line` paragraph. Default `crisis`. */
  class?: string;
  /** `part` of the `line` paragraph or of the `panel` section. */
  part?: string;
  /** `panel`: makes its heading id unique in the widget (`crisis-<id>-title`). Default `panel`. */
  id?: string;
  /** `panel`: an `<h2>` that takes focus (`tabindex="-1"`, `data-focus`) when the panel is the page; otherwise an `<h3>`. */
  asPageHeading?: boolean;
}

const call988 = (t: CrisisTranslate) => html`<a href="tel:988">${t('core:crisis.call988')}</a>`;
/** In Spanish the message is pre-filled with AYUDA, which reaches the Lifeline's Spanish text service. */
const text988 = (t: CrisisTranslate) => html`<a href=${t('core:crisis.textHref')}>${t('core:crisis.text988')}</a>`;
const newTab = (href: string, label: string) => html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}</a>`;

/**
 * The crisis lines, in the widget's language (en and es ship with core). Every `tel:988` of
 * Hearth comes from here, so the numbers and their wording are right in one place; partners
 * cannot override `core:crisis.*` copy.
 */
export function crisisLines(t: CrisisTranslate, options: CrisisLinesOptions = {}): TemplateResult {
  const variant = options.variant ?? 'line';
  const separator = options.separator ?? ' · ';
  if (variant === 'call') return call988(t);
  if (variant === 'links')
    return html`${call988(t)}${separator}${text988(t)}${
      options.emergency ? html`${separator}<a href="tel:911">${t('core:crisis.call911')}</a>` : nothing
    }`;
  if (variant === 'line')
    return html`<p class=${options.class ?? 'crisis'} part=${options.part ?? nothing}>
      ${t('core:crisis.short')} ${call988(t)}${separator}${text988(t)}
    </p>`;
  const id = `crisis-${options.id ?? 'panel'}-title`;
  const title = options.asPageHeading
    ? html`<h2 class="crisis__title" id=${id} tabindex="-1" data-focus>${t('core:crisis.title')}</h2>`
    : html`<h3 class="crisis__title" id=${id}>${t('core:crisis.title')}</h3>`;
  return html`<section class="crisis" part=${options.part ?? nothing} aria-labelledby=${id}>
    ${title}
    <p>${t('core:crisis.lifeline')}</p>
    <ul class="crisis__actions">
      <li><a class="button" href="tel:988">${t('core:crisis.call988')}</a></li>
      <li><a class="button" href=${t('core:crisis.textHref')}>${t('core:crisis.text988')}</a></li>
    </ul>
    <p>${t('core:crisis.veterans')}</p>
    <ul class="crisis__actions">
      <li><a class="button button--secondary" href="tel:988">${t('core:crisis.callVeterans')}</a></li>
      <li><a class="button button--secondary" href="sms:838255">${t('core:crisis.textVeterans')}</a></li>
    </ul>
    <p>${newTab('https://www.veteranscrisisline.net/Chat', t('core:crisis.chatVeterans'))}</p>
    <p>${t('core:crisis.emergency')}</p>
    <ul class="crisis__actions">
      <li><a class="button button--secondary" href="tel:911">${t('core:crisis.call911')}</a></li>
    </ul>
    <p>${newTab('https://988lifeline.org/chat/', t('core:crisis.chat'))}</p>
  </section>`;
}

/** Styles of the crisis `panel` (its border is `--hearth-crisis-border`, default the danger colour). */
export const crisisStyles = css`
  .crisis {
    border: 4px solid var(--hearth-crisis-border, ${token('--hearth-color-danger')});
    border-radius: ${token('--hearth-radius')};
    padding: ${token('--hearth-space-m')};
    margin: 0 0 ${token('--hearth-space-l')};
    background: ${token('--hearth-color-background')};
  }
  .crisis__title {
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .crisis p {
    margin: ${token('--hearth-space-xs')} 0;
  }
  .crisis__actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('--hearth-space-xs')};
    list-style: none;
    margin: ${token('--hearth-space-xs')} 0 ${token('--hearth-space-s')};
    padding: 0;
  }
`;
