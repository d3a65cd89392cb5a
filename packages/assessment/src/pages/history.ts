import type { TemplateResult } from 'lit';
import type { TreatmentHelp, YesNoUnsure } from '../flow.js';
import type { PageContext } from './context.js';
import { questionPage, wordingOf } from './question.js';

/**
 * Tried a talking therapy? An antidepressant? The therapy question is about trauma-focused therapy
 * for the PTSD screens; an instrument with its own words brings its own question, or gets a general one.
 */
export function treatmentPage(ctx: PageContext, kind: 'therapy' | 'medication'): TemplateResult {
  const { t } = ctx;
  const own = kind === 'therapy' ? wordingOf(ctx).inline : undefined;
  return questionPage(ctx, {
    heading: own ? (own.therapy?.question ?? t('history.therapyGeneral')) : t(`history.${kind}`),
    hint: own ? (own.therapy?.hint ?? t('history.therapyGeneralHint')) : t(`history.${kind}Hint`),
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
