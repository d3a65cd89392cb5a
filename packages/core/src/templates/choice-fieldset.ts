import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { token } from '../styles/tokens.js';
import { inlineError } from './error-summary.js';

export interface Choice {
  value: string;
  label: string;
  /** A line under the label, part of the choice's accessible name. */
  hint?: string;
  checked: boolean;
  /** Called with the input's new `checked` when it changes. */
  onChange: (checked: boolean, event: Event) => void;
  /** The input's id. The first choice's id is what an error summary links to. */
  id?: string;
  /** A line before this choice, e.g. "or" or "Other options". */
  divider?: string;
}

export interface ChoiceFieldsetOptions {
  type: 'radio' | 'checkbox';
  name: string;
  /** What the `<legend>` holds: the question, often as the page's heading. */
  legend: unknown;
  /** Classes of the `<legend>` (default `legend`). */
  legendClass?: string;
  /** Prefix of the ids of the hint (`<idPrefix>-hint`), the error (`<idPrefix>-error`) and the choices. */
  idPrefix: string;
  hint?: string;
  /** The inline error: its message and the screen-reader prefix ("Error:"). */
  error?: { message: string; prefix: string; part?: string };
  /** Ids of text outside the fieldset that describes the question. */
  describedBy?: string;
  choices: readonly Choice[];
  /** `part` of the list of choices and of each choice. */
  parts?: { list?: string; choice?: string };
  /** Hide dividers from assistive technology when they only group visually. */
  dividersDecorative?: boolean;
  /** Classes of a divider (default `choices__divider`). */
  dividerClass?: string;
}

/**
 * A radio or checkbox group after GOV.UK Frontend: a `<fieldset>` named by its `<legend>`, the
 * hint and the inline error under it (both in `aria-describedby`), then large choices whose
 * whole card is the label.
 */
export function choiceFieldset(options: ChoiceFieldsetOptions): TemplateResult {
  const { idPrefix, error, hint } = options;
  const describedBy = [options.describedBy, hint ? `${idPrefix}-hint` : '', error ? `${idPrefix}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${error ? 'field--error' : ''}">
    <fieldset aria-describedby=${describedBy || nothing}>
      <legend class=${options.legendClass ?? 'legend'}>${options.legend}</legend>
      ${hint ? html`<p class="hint" id="${idPrefix}-hint">${hint}</p>` : nothing}
      ${error ? inlineError({ id: `${idPrefix}-error`, ...error }) : nothing}
      <div class="choices" part=${options.parts?.list ?? nothing}>
        ${options.choices.map(
          (choice, index) =>
            html`${
                choice.divider
                  ? html`<p
                      class=${options.dividerClass ?? 'choices__divider'}
                      aria-hidden=${options.dividersDecorative ? 'true' : nothing}
                    >
                      ${choice.divider}
                    </p>`
                  : nothing
              }<label class="choice" part=${options.parts?.choice ?? nothing}>
                <input
                  type=${options.type}
                  id=${choice.id ?? `${idPrefix}-${index}`}
                  name=${options.name}
                  value=${choice.value}
                  .checked=${live(choice.checked)}
                  @change=${(event: Event) => choice.onChange((event.target as HTMLInputElement).checked, event)}
                />
                <span class="choice__text">
                  <span class="choice__name">${choice.label}</span>
                  ${choice.hint ? html`<span class="choice__hint">${choice.hint}</span>` : nothing}
                </span>
              </label>`,
        )}
      </div>
    </fieldset>
  </div>`;
}

/** Styles of a choice fieldset: the group, its legend and hint, and thumb-sized choice cards. */
export const choiceFieldsetStyles = css`
  .field {
    margin: 0 0 ${token('--hearth-space-l')};
  }
  .legend {
    display: block;
    font-weight: 700;
    margin: 0 0 ${token('--hearth-space-2xs')};
    padding: 0;
  }
  .hint {
    display: block;
    color: ${token('--hearth-color-text-muted')};
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  .choices {
    display: grid;
    gap: ${token('--hearth-space-xs')};
  }
  .choice {
    position: relative;
    display: flex;
    align-items: flex-start;
    gap: ${token('--hearth-space-s')};
    min-height: 48px;
    padding: ${token('--hearth-space-xs')} ${token('--hearth-space-s')};
    border: 2px solid ${token('--hearth-color-border-subtle')};
    border-radius: ${token('--hearth-radius')};
    background: ${token('--hearth-color-background')};
    cursor: pointer;
  }
  .choice:hover {
    border-color: ${token('--hearth-color-border')};
  }
  .choice:has(input:checked) {
    border-color: ${token('--hearth-color-primary')};
    background: ${token('--hearth-color-surface')};
  }
  .choice:has(input:focus-visible) {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 2px;
  }
  .choice input {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.125rem 0 0;
    accent-color: ${token('--hearth-color-primary')};
    cursor: pointer;
  }
  .choice input:focus-visible {
    outline: none;
  }
  .choice__text {
    display: grid;
    gap: 0.125rem;
  }
  .choice__hint {
    font-size: 0.9375em;
    color: ${token('--hearth-color-text-muted')};
  }
  .choices__divider {
    margin: ${token('--hearth-space-xs')} 0 0;
    font-weight: 600;
    color: ${token('--hearth-color-text-muted')};
  }
  @media (forced-colors: active) {
    .choice:has(input:checked) {
      border-color: Highlight;
    }
  }
`;
