import { html, nothing, type TemplateResult } from 'lit';
import { crisisLines } from '@hearth/core';
import type { PageContext } from './context.js';

/**
 * Under the safety question: help at once when the answer is above 0 (one live region that stays
 * in place, so that adding it is announced), then the publisher's notice.
 */
export function safetyHelp(ctx: PageContext, answer: number | undefined, notice: string): TemplateResult {
  const { t } = ctx;
  return html`<div role="status">
      ${
        (answer ?? 0) > 0
          ? html`<div class="inline-crisis">
              <p><strong>${t('safety.inlineTitle')}</strong> ${t('safety.inline')}</p>
              <p>${crisisLines(t, { variant: 'links', emergency: true })}</p>
            </div>`
          : nothing
      }
    </div>
    ${notice ? html`<p class="notice">${notice}</p>` : nothing}`;
}
