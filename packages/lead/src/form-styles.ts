import { css } from 'lit';
import { token } from '@hearth/core';

/**
 * Form anatomy shared by `<hearth-lead-form>` and the question pages of `<hearth-assessment>`,
 * after GOV.UK Frontend: large tap targets, a thick left border on a field in error, an error
 * summary at the top, and radios and checkboxes drawn large enough for a thumb at 320 px.
 */
export const formStyles = css`
  .field {
    margin: 0 0 ${token('--hearth-space-l')};
  }
  .field--error {
    border-inline-start: 4px solid ${token('--hearth-color-danger')};
    padding-inline-start: ${token('--hearth-space-s')};
  }
  .label,
  .legend {
    display: block;
    font-weight: 700;
    margin: 0 0 ${token('--hearth-space-2xs')};
    padding: 0;
  }
  .legend--question {
    font-size: 1.25em;
    line-height: 1.3;
  }
  .hint {
    display: block;
    color: ${token('--hearth-color-text-muted')};
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .error-message {
    display: block;
    color: ${token('--hearth-color-danger')};
    font-weight: 700;
    margin: 0 0 ${token('--hearth-space-xs')};
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
    align-items: center;
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
    margin: 0;
    accent-color: ${token('--hearth-color-primary')};
    cursor: pointer;
  }
  .choice input:focus-visible {
    outline: none;
  }
  .choice--divider {
    border: 0;
    min-height: 0;
    padding: 0;
    cursor: default;
    color: ${token('--hearth-color-text-muted')};
  }
  .error-summary {
    border: 4px solid ${token('--hearth-color-danger')};
    padding: ${token('--hearth-space-m')};
    margin: 0 0 ${token('--hearth-space-l')};
    background: ${token('--hearth-color-background')};
  }
  .error-summary:focus {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 2px;
  }
  .error-summary__title {
    font-size: 1.125em;
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .error-summary__list {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary__list a {
    color: ${token('--hearth-color-danger')};
    font-weight: 700;
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
    .field--error,
    .error-summary,
    .panel--danger {
      border-color: CanvasText;
    }
    .choice:has(input:checked) {
      border-color: Highlight;
    }
  }
`;
