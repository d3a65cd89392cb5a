import { html, nothing, type TemplateResult } from 'lit';
import { PCL_5_ITEMS } from '../flow.js';
import { pcPtsd5Instrument, pcl5Instrument } from '../instruments/index.js';
import { instrumentText, type PageContext } from './context.js';
import { choiceFieldset, pageForm } from './fields.js';

export interface Choice {
  value: string;
  label: string;
}

export interface QuestionOptions {
  heading: string;
  caption?: string;
  hint?: string;
  before?: TemplateResult;
  after?: TemplateResult;
  /** Ids of text before the question that describes it. */
  describedBy?: string;
  choices: readonly Choice[];
  selected: string | undefined;
  onSelect: (value: string) => void;
}

/** One question per page: a radio group whose legend is the page heading, then Continue. */
export function questionPage(
  ctx: PageContext,
  { before, after, choices, selected, onSelect, ...options }: QuestionOptions,
): TemplateResult {
  const fieldset = choiceFieldset(ctx, {
    ...options,
    type: 'radio',
    name: ctx.page.id,
    choices: choices.map((choice) => ({ ...choice, checked: selected === choice.value, onChange: () => onSelect(choice.value) })),
  });
  return pageForm(ctx, html`${before ?? nothing} ${fieldset} ${after ?? nothing}`);
}

/** The answer options of an instrument, as choices. */
export function optionsOf(ctx: PageContext, instrument: { options: readonly { value: unknown; labelKey: string }[] }): Choice[] {
  return instrument.options.map((o) => ({ value: String(o.value), label: instrumentText(ctx, o.labelKey) }));
}

/** PC-PTSD-5's gate: exposure to a traumatic event, with its examples. */
export function exposurePage(ctx: PageContext): TemplateResult {
  const { page, answers } = ctx;
  const i = (key: string) => instrumentText(ctx, key);
  const gate = pcPtsd5Instrument.gate!;
  return questionPage(ctx, {
    heading: i(gate.textKey),
    before: html`<div class="lead-in" id="${page.id}-context">
      <p>${i(gate.introKey ?? '')}</p>
      <ul>
        ${(gate.exampleKeys ?? []).map((key) => html`<li>${i(key)}</li>`)}
      </ul>
    </div>`,
    describedBy: `${page.id}-context`,
    choices: optionsOf(ctx, pcPtsd5Instrument),
    selected: answers.exposure === undefined ? undefined : String(answers.exposure),
    onSelect: (value) => ctx.setAnswers({ exposure: value === 'true' }),
  });
}

/** One of PC-PTSD-5's five yes/no items. */
export function pcPtsd5Page(ctx: PageContext): TemplateResult {
  const i = (key: string) => instrumentText(ctx, key);
  const item = ctx.page.item ?? 0;
  const value = ctx.answers.pcPtsd5[item];
  return questionPage(ctx, {
    caption: i(pcPtsd5Instrument.stemKey ?? ''),
    heading: i(pcPtsd5Instrument.items[item]?.textKey ?? ''),
    choices: optionsOf(ctx, pcPtsd5Instrument),
    selected: typeof value === 'boolean' ? String(value) : undefined,
    onSelect: (v) => {
      const items = [...ctx.answers.pcPtsd5];
      items[item] = v === 'true';
      ctx.setAnswers({ pcPtsd5: items });
    },
  });
}

/** One of PCL-5's 20 items; the first one carries the instructions. */
export function pcl5Page(ctx: PageContext): TemplateResult {
  const { page } = ctx;
  const i = (key: string) => instrumentText(ctx, key);
  const item = page.item ?? 0;
  const value = ctx.answers.pcl5[item];
  return questionPage(ctx, {
    caption: i(pcl5Instrument.stemKey ?? ''),
    heading: i(pcl5Instrument.items[item]?.textKey ?? ''),
    ...(item === 0
      ? {
          before: html`<div class="lead-in" id="${page.id}-context">
            <h3>${ctx.t('screen.pcl5Title', { count: PCL_5_ITEMS })}</h3>
            <p>${i(pcl5Instrument.instructionsKey ?? '')}</p>
          </div>`,
          describedBy: `${page.id}-context`,
        }
      : {}),
    choices: optionsOf(ctx, pcl5Instrument),
    selected: typeof value === 'number' ? String(value) : undefined,
    onSelect: (v) => {
      const items = [...ctx.answers.pcl5];
      items[item] = Number(v);
      ctx.setAnswers({ pcl5: items });
    },
  });
}
