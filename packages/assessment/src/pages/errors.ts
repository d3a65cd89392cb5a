import { html, nothing, type TemplateResult } from 'lit';
import type { Page } from '../flow.js';
import type { FieldError, PageContext } from './context.js';

/** The inline message of an unanswered question (the summary at the top links to its field). */
export function inlineError(ctx: PageContext): TemplateResult | typeof nothing {
  if (!ctx.error) return nothing;
  return html`<p class="error-message" id="${ctx.page.id}-error">
    <span class="visually-hidden">${ctx.t('errors.prefix')}</span> ${ctx.error.message}
  </p>`;
}

/** The GOV.UK error summary above the page; its link moves focus to the field (`focusField`). */
export function errorSummary(
  t: PageContext['t'],
  error: FieldError | undefined,
  focusField: (id: string) => void,
): TemplateResult | typeof nothing {
  if (!error) return nothing;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 class="error-summary__title" id="error-summary-title">${t('errors.summaryTitle')}</h2>
    <ul class="error-summary__list">
      <li>
        <a
          href="#${error.target}"
          @click=${(e: Event) => {
            e.preventDefault();
            focusField(error.target);
          }}
          >${error.message}</a
        >
      </li>
    </ul>
  </div>`;
}

/** The key (under `errors.`) of the message of a page's unanswered question. */
export function errorMessageKey(page: Page): string {
  if (page.kind === 'pc-ptsd-5-item') return 'pcPtsd5';
  if (page.kind === 'pcl-5-item') return 'pcl5';
  return page.kind;
}
