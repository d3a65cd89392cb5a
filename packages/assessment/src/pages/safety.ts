import { html, nothing, type TemplateResult } from 'lit';
import { crisisLines } from '@hearth/core';
import { phq9Item9Instrument } from '../instruments/index.js';
import { instrumentText, type PageContext } from './context.js';
import { optionsOf, questionPage } from './question.js';

/** PHQ-9 item 9. Any answer above 0 shows help at once, below the question. */
export function safetyPage(ctx: PageContext): TemplateResult {
  const { t, answers } = ctx;
  const i = (key: string) => instrumentText(ctx, key);
  return questionPage(ctx, {
    heading: i(phq9Item9Instrument.items[0]?.textKey ?? ''),
    choices: optionsOf(ctx, phq9Item9Instrument),
    selected: answers.phq9Item9 === undefined ? undefined : String(answers.phq9Item9),
    onSelect: (v) => ctx.setAnswers({ phq9Item9: Number(v) as 0 | 1 | 2 | 3 }),
    // One live region that stays in place, so that adding the help text is announced.
    after: html`<div role="status">
        ${
          (answers.phq9Item9 ?? 0) > 0
            ? html`<div class="inline-crisis">
                <p><strong>${t('safety.inlineTitle')}</strong> ${t('safety.inline')}</p>
                <p>${crisisLines(t, { variant: 'links', emergency: true })}</p>
              </div>`
            : nothing
        }
      </div>
      <p class="notice">${i('attribution.phq9')} ${i(phq9Item9Instrument.noticeKey ?? '')}</p>`,
  });
}
