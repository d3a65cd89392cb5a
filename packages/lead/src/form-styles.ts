import { css } from 'lit';
import { choiceFieldsetStyles, errorSummaryStyles, token } from '@hearth/core';

/**
 * Form anatomy shared by `<hearth-lead-form>` and the question pages of `<hearth-assessment>`,
 * after GOV.UK Frontend: large tap targets, a thick left border on a field in error, an error
 * summary at the top, and radios and checkboxes drawn large enough for a thumb at 320 px.
 * Core's error summary and choice fieldset styles, plus labels, text inputs, panels and actions.
 */
export const formStyles = css`
  ${errorSummaryStyles}
  ${choiceFieldsetStyles}
  .label {
    display: block;
    font-weight: 700;
    margin: 0 0 ${token('--hearth-space-2xs')};
    padding: 0;
  }
  .legend--question {
    font-size: 1.25em;
    line-height: 1.3;
  }
  .input {
    box-sizing: border-box;
    display: block;
    width: 100%;
    max-width: 32em;
    min-height: 44px;
    padding: ${token('--hearth-space-xs')};
    font: inherit;
    color: ${token('--hearth-color-text')};
    background: ${token('--hearth-color-background')};
    border: 2px solid ${token('--hearth-color-border')};
    border-radius: calc(${token('--hearth-radius')} / 2);
  }
  .input:focus-visible {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }
  .input[aria-invalid='true'] {
    border-color: ${token('--hearth-color-danger')};
  }
  select.input {
    appearance: auto;
  }
  /* One-line choices: the control centred on its label. */
  .choice {
    align-items: center;
  }
  .choice input {
    margin: 0;
  }
  .choice--divider {
    border: 0;
    min-height: 0;
    padding: 0;
    cursor: default;
    color: ${token('--hearth-color-text-muted')};
  }
  .panel {
    border: 2px solid ${token('--hearth-color-border-subtle')};
    border-radius: ${token('--hearth-radius')};
    padding: ${token('--hearth-space-m')};
    margin: 0 0 ${token('--hearth-space-l')};
    background: ${token('--hearth-color-surface')};
  }
  .panel:focus {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 2px;
  }
  .panel--success {
    border-color: ${token('--hearth-color-success')};
  }
  .panel--danger {
    border: 4px solid ${token('--hearth-color-danger')};
    background: ${token('--hearth-color-background')};
  }
  .panel__title {
    font-size: 1.125em;
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .panel p {
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--hearth-space-s')};
    margin: ${token('--hearth-space-l')} 0 0;
  }
  @media (forced-colors: active) {
    .panel--danger {
      border-color: CanvasText;
    }
  }
`;
