import type { TemplateResult } from 'lit';
import { phq9Item9Instrument } from '../instruments/phq9-item9.js';
import { instrumentText, type PageContext } from './context.js';
import { questionPage } from './question.js';
import { safetyHelp } from './safety-help.js';

/**
 * PHQ-9 item 9 on its own (loads with the later steps: it follows the screen's questions),
 * when the instrument has no safety item. Any answer above 0 shows help at once, below the question.
 */
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
