import { html, nothing, type TemplateResult } from 'lit';
import { crisisLines } from '@hearth/core';
import type { PageContext } from './context.js';
import { pageForm } from './fields.js';

type Translate = PageContext['t'];

/** The crisis resources (core's panel): 988 (call, text), the Veterans Crisis Line (988 then 1, text 838255), 911. */
export function crisisPanel(t: Translate, id: string, asPageHeading = false): TemplateResult {
  return crisisLines(t, { variant: 'panel', id, asPageHeading, part: 'crisis' });
}

/** "Need help now?" on every step, with the full resources one press away. */
export function crisisBar(t: Translate, open: boolean, onToggle: () => void): TemplateResult {
  return html`<div class="crisis-bar" part="crisis-bar">
      <span class="crisis-bar__label">${t('crisisBar.label')}</span>
      ${crisisLines(t, { variant: 'links', separator: ' ' })}
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
