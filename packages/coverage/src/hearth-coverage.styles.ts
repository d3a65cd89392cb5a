import { css } from 'lit';
import { token } from '@hearth/core';

/**
 * `<hearth-coverage>`, on top of `formStyles` from @hearth/lead (fields, hints, errors, radio
 * cards, actions): one question per step, after GOV.UK Frontend (question as heading and label, hint under it, error message above the control), and a result card whose accent says
 * the outcome at a glance without relying on colour alone (the headline says it in words).
 */
export default css`
  .eyebrow {
    margin: 0 0 ${token('--hearth-space-2xs')};
    font-size: 0.875em;
    font-weight: 600;
    color: ${token('--hearth-color-text-muted')};
  }
  .heading {
    margin: 0 0 ${token('--hearth-space-xs')};
    font-size: 1.375em;
    line-height: 1.25;
  }
  /* Headings take focus only so that screen readers start reading at the new step. */
  .heading:focus {
    outline: none;
  }
  .heading label {
    cursor: default;
  }
  h3 {
    margin: ${token('--hearth-space-l')} 0 ${token('--hearth-space-2xs')};
    font-size: 1.0625em;
    line-height: 1.3;
  }
  p {
    margin: 0 0 ${token('--hearth-space-s')};
  }
  ul {
    margin: 0 0 ${token('--hearth-space-s')};
    padding-inline-start: 1.25em;
  }
  legend {
    padding: 0;
    max-width: 100%;
  }
  .notice {
    margin: 0 0 ${token('--hearth-space-m')};
    padding: ${token('--hearth-space-s')} ${token('--hearth-space-m')};
    border-inline-start: 4px solid ${token('--hearth-color-primary')};
    background: ${token('--hearth-color-surface')};
  }
  legend .heading {
    margin-block-end: ${token('--hearth-space-2xs')};
  }
  #state-select {
    max-width: 22em;
  }
  /* Partners may set the insurer cards' resting border apart from other fields. */
  .choice {
    border-color: var(--hearth-coverage-option-border, ${token('--hearth-color-border-subtle')});
  }
  .context {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 ${token('--hearth-space-xs')};
    margin: 0 0 ${token('--hearth-space-s')};
  }
  .served {
    margin: ${token('--hearth-space-m')} 0 0;
  }
  .served summary {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: ${token('--hearth-color-primary')};
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .served ul {
    columns: 2 10em;
  }
  .privacy {
    margin: ${token('--hearth-space-m')} 0 0;
    font-size: 0.875em;
    color: ${token('--hearth-color-text-muted')};
  }
  .result {
    padding: ${token('--hearth-space-m')};
    border: 2px solid var(--hearth-coverage-card-border, ${token('--hearth-color-border-subtle')});
    border-block-start: 6px solid var(--hearth-coverage-accent, ${token('--hearth-color-primary')});
    border-radius: ${token('--hearth-radius')};
    background: var(--hearth-coverage-card-background, ${token('--hearth-color-background')});
  }
  .result--in-network {
    --hearth-coverage-accent: var(--hearth-coverage-accent-positive, ${token('--hearth-color-success')});
  }
  .result--not-served,
  .result--out-of-network {
    --hearth-coverage-accent: var(--hearth-coverage-accent-negative, ${token('--hearth-color-border')});
  }
  .answers {
    display: grid;
    gap: ${token('--hearth-space-2xs')};
    margin: ${token('--hearth-space-s')} 0 0;
    padding: ${token('--hearth-space-s')};
    border-radius: calc(${token('--hearth-radius')} / 2);
    background: ${token('--hearth-color-surface')};
  }
  .answers dt {
    font-weight: 600;
  }
  .answers dt::after {
    content: ':';
  }
  .answers dd {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 ${token('--hearth-space-xs')};
    margin: 0;
  }
  .plan-note {
    color: ${token('--hearth-color-text-muted')};
  }
  .disclaimer {
    margin: ${token('--hearth-space-l')} 0 0;
    padding-inline-start: ${token('--hearth-space-s')};
    border-inline-start: 4px solid ${token('--hearth-color-border-subtle')};
    font-size: 0.9375em;
  }
  .call {
    margin: ${token('--hearth-space-m')} 0 0;
  }
  .button--link {
    min-height: 44px;
    padding-inline: ${token('--hearth-space-2xs')};
    font-weight: 400;
  }
  .crisis {
    margin: ${token('--hearth-space-l')} 0 0;
    font-size: 0.875em;
    color: ${token('--hearth-color-text-muted')};
  }
  .crisis a {
    display: inline-block;
    padding: ${token('--hearth-space-2xs')} 0;
    font-weight: 600;
  }
  .loading {
    min-height: 6em;
    color: ${token('--hearth-color-text-muted')};
  }
  @media (forced-colors: active) {
    .result {
      border-color: CanvasText;
    }
  }
`;
