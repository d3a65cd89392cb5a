import type { TemplateResult } from 'lit';
import type { TreatmentHelp, YesNoUnsure } from '../flow.js';
import type { PageContext } from './context.js';
import { questionPage } from './question.js';

/** Tried a trauma-focused therapy? An antidepressant? */
export function treatmentPage(ctx: PageContext, kind: 'therapy' | 'medication'): TemplateResult {
  const { t } = ctx;
  return questionPage(ctx, {
    heading: t(`history.${kind}`),
    hint: t(`history.${kind}Hint`),
    choices: (['yes', 'no', 'unsure'] as const).map((value) => ({ value, label: t(`history.options.${value}`) })),
    selected: ctx.answers[kind],
    onSelect: (v) => ctx.setAnswers({ [kind]: v as YesNoUnsure }),
  });
}

/** How much did it help (asked only when a treatment was tried)? */
export function helpedPage(ctx: PageContext): TemplateResult {
  const { t } = ctx;
  return questionPage(ctx, {
    heading: t('history.helped'),
    hint: t('history.helpedHint'),
    choices: (['a-lot', 'somewhat', 'a-little', 'not-at-all'] as const).map((value) => ({
      value,
      label: t(`history.options.${value}`),
    })),
    selected: ctx.answers.helped,
    onSelect: (v) => ctx.setAnswers({ helped: v as TreatmentHelp }),
  });
}
