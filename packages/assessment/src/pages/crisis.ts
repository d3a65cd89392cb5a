import { html, nothing, type TemplateResult } from 'lit';
import type { PageContext } from './context.js';
import { pageForm } from './fields.js';

type Translate = PageContext['t'];

/** The crisis resources: 988 (call, text), the Veterans Crisis Line (988 then 1, text 838255), 911. */
export function crisisPanel(t: Translate, id: string, asPageHeading = false): TemplateResult {
  const c = (key: string) => t(`core:${key}`);
  const title = asPageHeading
    ? html`<h2 class="crisis__title" id="crisis-${id}-title" tabindex="-1" data-focus>${c('crisis.title')}</h2>`
    : html`<h3 class="crisis__title" id="crisis-${id}-title">${c('crisis.title')}</h3>`;
  return html`<section class="crisis" part="crisis" aria-labelledby="crisis-${id}-title">
    ${title}
    <p>${c('crisis.lifeline')}</p>
    <ul class="crisis__actions">
      <li><a class="button" href="tel:988">${c('crisis.call988')}</a></li>
      <li><a class="button" href="sms:988">${c('crisis.text988')}</a></li>
    </ul>
    <p>${c('crisis.veterans')}</p>
    <ul class="crisis__actions">
      <li><a class="button button--secondary" href="tel:988">${t('crisisBar.callVeterans')}</a></li>
      <li><a class="button button--secondary" href="sms:838255">${c('crisis.textVeterans')}</a></li>
    </ul>
    <p>${c('crisis.emergency')}</p>
    <ul class="crisis__actions">
      <li><a class="button button--secondary" href="tel:911">${c('crisis.call911')}</a></li>
    </ul>
    <p><a href="https://988lifeline.org/chat/" target="_blank" rel="noopener noreferrer">${c('crisis.chat')}</a></p>
  </section>`;
}

/** "Need help now?" on every step, with the full resources one press away. */
export function crisisBar(t: Translate, open: boolean, onToggle: () => void): TemplateResult {
  return html`<div class="crisis-bar" part="crisis-bar">
      <span class="crisis-bar__label">${t('crisisBar.label')}</span>
      <a href="tel:988">${t('core:crisis.call988')}</a>
      <a href="sms:988">${t('core:crisis.text988')}</a>
      <button
        class="button button--link"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls="crisis-more"
        @click=${onToggle}
      >
        ${t('crisisBar.more')}
      </button>
    </div>
    <div id="crisis-more" ?hidden=${!open}>${open ? crisisPanel(t, 'more') : nothing}</div>`;
}

/** The page shown right after a positive safety answer, before anything else. */
export function crisisPage(ctx: PageContext): TemplateResult {
  const { t } = ctx;
  return html`${crisisPanel(t, 'page', true)}
    <p>${t('crisisPage.intro')}</p>
    <p>${t('crisisPage.flag', { brand: ctx.config.brand.name })}</p>
    ${pageForm(ctx, nothing, t('crisisPage.continue'))}`;
}
