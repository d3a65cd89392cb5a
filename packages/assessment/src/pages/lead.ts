import { html, nothing, type TemplateResult } from 'lit';
import { crisisLines } from '@hearth/core';
import type { OutcomeContext } from './context.js';

/** The request to be contacted: `<hearth-lead-form>`, or what stands in its place while it loads. */
export function leadPage(ctx: OutcomeContext): TemplateResult {
  const { t } = ctx;
  const brand = ctx.config.brand.name;
  return html`<h2 class="page-heading" tabindex="-1" data-focus>${t('lead.title', { brand })}</h2>
    <p>${t('lead.intro', { brand })}</p>
    ${ctx.urgent ? html`<p class="inline-crisis">${t('lead.urgent')} ${crisisLines(t, { variant: 'call' })}</p>` : nothing}
    ${ctx.leadForm()}`;
}
