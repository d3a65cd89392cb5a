import { html, nothing, type TemplateResult } from 'lit';
import { crisisLines } from '@hearth/core';
import { phq9Item9Instrument } from '../instruments/phq9-item9.js';
import { instrumentText, type PageContext } from './context.js';
import { questionPage } from './question.js';

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

/** PHQ-9 item 9 on its own, when the instrument has no safety item. Any answer above 0 shows help at once, below the question. */
export function safetyPage(ctx: PageContext): TemplateResult {
  const { answers } = ctx;
  const i = (key: string) => instrumentText(ctx, key);
  return questionPage(ctx, {
    heading: i(phq9Item9Instrument.items[0]?.textKey ?? ''),
    choices: phq9Item9Instrument.options.map((o) => ({ value: String(o.value), label: i(o.labelKey ?? '') })),
    selected: answers.phq9Item9 === undefined ? undefined : String(answers.phq9Item9),
    onSelect: (v) => ctx.setAnswers({ phq9Item9: Number(v) as 0 | 1 | 2 | 3 }),
    after: safetyHelp(ctx, answers.phq9Item9, `${i('attribution.phq9')} ${i(phq9Item9Instrument.noticeKey ?? '')}`),
  });
}
