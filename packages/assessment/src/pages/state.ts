import { html, type TemplateResult } from 'lit';
import { US_STATES, isUsStateCode } from '@hearth/core';
import { stateName, type PageContext } from './context.js';
import { describedBy, inlineError, pageForm } from './fields.js';

/** State of residence (50 states and DC), shared with the other widgets through the session. */
export function statePage(ctx: PageContext): TemplateResult {
  const { t, page, error } = ctx;
  const id = `${page.id}-0`;
  const current = ctx.answers.state ?? '';
  return pageForm(
    ctx,
    html`<div class="field ${error ? 'field--error' : ''}">
      <h2 class="page-heading" tabindex="-1" data-focus><label class="label-heading" for=${id}>${t('state.title')}</label></h2>
      <p class="hint" id="${page.id}-hint">${t('state.hint')}</p>
      ${inlineError(ctx)}
      <select
        class="input"
        id=${id}
        name="state"
        autocomplete="address-level1"
        aria-describedby=${describedBy(ctx)}
        aria-invalid=${error ? 'true' : 'false'}
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          ctx.setAnswers({ state: isUsStateCode(value) ? value : undefined });
        }}
      >
        <option value="" ?selected=${!current}>${t('state.placeholder')}</option>
        ${US_STATES.map((s) => html`<option value=${s.code} ?selected=${current === s.code}>${stateName(s.code, ctx.lang)}</option>`)}
      </select>
    </div>`,
  );
}
