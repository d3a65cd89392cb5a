import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { PCL_5_ITEMS } from '../flow.js';
import { pcPtsd5Instrument, pcl5Instrument } from '../instruments/index.js';
import { instrumentText, type PageContext } from './context.js';
import { inlineError } from './errors.js';

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
export function questionPage(ctx: PageContext, options: QuestionOptions): TemplateResult {
  const { page, error } = ctx;
  const describedBy = [options.describedBy, options.hint ? `${page.id}-hint` : '', error ? `${page.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<form novalidate @submit=${ctx.onContinue}>
    ${options.before ?? nothing}
    <div class="field ${error ? 'field--error' : ''}">
      <fieldset aria-describedby=${describedBy || nothing}>
        <legend class="legend legend--question">
          <h2 class="page-heading" tabindex="-1" data-focus>
            ${options.caption ? html`<span class="caption">${options.caption}</span>` : nothing}${options.heading}
          </h2>
        </legend>
        ${options.hint ? html`<p class="hint" id="${page.id}-hint">${options.hint}</p>` : nothing} ${inlineError(ctx)}
        <div class="choices">
          ${options.choices.map(
            (choice, index) =>
              html`<label class="choice">
                <input
                  type="radio"
                  id="${page.id}-${index}"
                  name=${page.id}
                  value=${choice.value}
                  .checked=${live(options.selected === choice.value)}
                  @change=${() => options.onSelect(choice.value)}
                />
                <span>${choice.label}</span>
              </label>`,
          )}
        </div>
      </fieldset>
    </div>
    ${options.after ?? nothing}
    <div class="actions"><button class="button" type="submit">${ctx.t('continue')}</button></div>
  </form>`;
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
    choices: pcPtsd5Instrument.options.map((o) => ({ value: String(o.value), label: i(o.labelKey) })),
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
    choices: pcPtsd5Instrument.options.map((o) => ({ value: String(o.value), label: i(o.labelKey) })),
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
    choices: pcl5Instrument.options.map((o) => ({ value: String(o.value), label: i(o.labelKey) })),
    selected: typeof value === 'number' ? String(value) : undefined,
    onSelect: (v) => {
      const items = [...ctx.answers.pcl5];
      items[item] = Number(v);
      ctx.setAnswers({ pcl5: items });
    },
  });
}
