import { html, nothing, type TemplateResult } from 'lit';
import type { OutcomeContext } from './context.js';

/** The request to be contacted: `<hearth-lead-form>`, or what stands in its place while it loads. */
export function leadPage(ctx: OutcomeContext): TemplateResult {
  const { t } = ctx;
  const brand = ctx.config.brand.name;
  return html`<h2 class="page-heading" tabindex="-1" data-focus>${t('lead.title', { brand })}</h2>
    <p>${t('lead.intro', { brand })}</p>
    ${ctx.urgent ? html`<p class="inline-crisis">${t('lead.urgent')} <a href="tel:988">${t('core:crisis.call988')}</a></p>` : nothing}
    ${ctx.leadForm()}`;
}
