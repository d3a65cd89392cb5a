import { html, nothing, type TemplateResult } from 'lit';
import { instrumentAnswer, withInstrumentAnswer } from '../flow.js';
import { instrumentWording, type InstrumentWording } from '../instruments/wording.js';
import { instrumentText, type PageContext } from './context.js';
import { choiceFieldset, pageForm } from './fields.js';
import { safetyHelp } from './safety-help.js';

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

/** The wording of the flow's instrument in the page's language (English when it has no translation). */
export function wordingOf(ctx: PageContext): InstrumentWording {
  return instrumentWording(ctx.definition, ctx.lang, (key) => instrumentText(ctx, key));
}

/** A question in another language than the page (a definition without this language) is marked, for screen readers. */
export function langOf(ctx: PageContext, wording: InstrumentWording): string | undefined {
  return wording.lang === ctx.lang ? undefined : wording.lang;
}

/** The gate before the items (PC-PTSD-5: exposure to a traumatic event, with its examples). */
export function gatePage(ctx: PageContext): TemplateResult {
  const { page, definition } = ctx;
  const gate = definition.gate!;
  const wording = wordingOf(ctx);
  const i = (key: string) => instrumentText(ctx, key);
  const value = instrumentAnswer(ctx.answers, definition.id, gate.id);
  return questionPage(ctx, {
    heading: wording.gate,
    before: gate.introKey
      ? html`<div class="lead-in" id="${page.id}-context">
          <p>${i(gate.introKey)}</p>
          <ul>
            ${(gate.exampleKeys ?? []).map((key) => html`<li>${i(key)}</li>`)}
          </ul>
        </div>`
      : undefined,
    ...(gate.introKey ? { describedBy: `${page.id}-context` } : {}),
    choices: definition.options.map((o, index) => ({ value: String(o.value), label: wording.option(index) })),
    selected: value === undefined ? undefined : String(value),
    onSelect: (v) => ctx.setAnswers(withInstrumentAnswer(ctx.answers, definition.id, gate.id, v === 'true')),
  });
}

/**
 * One item of any instrument: the one page kind for instrument items. The first item carries the
 * instructions; the safety item (PHQ-9 item 9) carries the safety question's help and notice.
 */
export function itemPage(ctx: PageContext): TemplateResult {
  const { page, definition } = ctx;
  const index = page.item ?? 0;
  const item = definition.items[index];
  const wording = wordingOf(ctx);
  const value = item ? instrumentAnswer(ctx.answers, definition.id, item.id) : undefined;
  const numeric = typeof definition.options[0]?.value === 'number';
  const lang = langOf(ctx, wording);
  const instructions = index === 0 && wording.instructions;
  const question = questionPage(ctx, {
    caption: wording.stem,
    heading: wording.item(index),
    ...(instructions
      ? {
          before: html`<div class="lead-in" id="${page.id}-context">
            <h3>${ctx.t('screen.pcl5Title', { count: definition.items.length })}</h3>
            <p>${instructions}</p>
          </div>`,
          describedBy: `${page.id}-context`,
        }
      : {}),
    ...(page.safety ? { after: safetyHelp(ctx, typeof value === 'number' ? value : undefined, wording.notice) } : {}),
    choices: definition.options.map((o, i) => ({ value: String(o.value), label: wording.option(i) })),
    selected: value === undefined ? undefined : String(value),
    onSelect: (v) => {
      if (item) ctx.setAnswers(withInstrumentAnswer(ctx.answers, definition.id, item.id, numeric ? Number(v) : v === 'true'));
    },
  });
  return lang ? html`<div lang=${lang}>${question}</div>` : question;
}

/** The question after the items, not scored (the PHQ-9's difficulty question), with the publisher's notice. */
export function followUpPage(ctx: PageContext): TemplateResult {
  const { definition } = ctx;
  const followUp = definition.followUp!;
  const wording = wordingOf(ctx);
  const value = instrumentAnswer(ctx.answers, definition.id, followUp.id);
  const lang = langOf(ctx, wording);
  const content = questionPage(ctx, {
    heading: wording.followUp,
    choices: followUp.options.map((o, i) => ({ value: String(o.value), label: wording.followUpOption(i) })),
    selected: value === undefined ? undefined : String(value),
    onSelect: (v) => ctx.setAnswers(withInstrumentAnswer(ctx.answers, definition.id, followUp.id, Number(v))),
    ...(wording.notice ? { after: html`<p class="notice">${wording.notice}</p>` } : {}),
  });
  return lang ? html`<div lang=${lang}>${content}</div>` : content;
}
