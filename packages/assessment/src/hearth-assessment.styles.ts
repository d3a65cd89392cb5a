import { css } from 'lit';
import { token } from '@hearth/core';

export default css`
  .hearth-root {
    max-width: var(--hearth-assessment-max-width, 40rem);
    background: var(--hearth-assessment-background, ${token('--hearth-color-background')});
  }
  .crisis-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('--hearth-space-2xs')} ${token('--hearth-space-s')};
    padding: ${token('--hearth-space-xs')} ${token('--hearth-space-s')};
    margin: 0 0 ${token('--hearth-space-m')};
    border-radius: ${token('--hearth-radius')};
    background: var(--hearth-assessment-crisis-bar-background, ${token('--hearth-color-surface')});
  }
  .crisis-bar__label {
    font-weight: 700;
  }
  .crisis-bar a,
  .crisis-bar .button--link {
    min-height: 44px;
    display: inline-flex;
    align-items: center;
    font-weight: 700;
  }
  .crisis-bar .button--link {
    padding-inline: 0;
    font-weight: 400;
  }
  /* Core's crisis panel (crisisStyles), with this widget's border property. */
  .crisis {
    border-color: var(--hearth-assessment-crisis-border, var(--hearth-crisis-border, ${token('--hearth-color-danger')}));
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('--hearth-space-xs')};
    min-height: 44px;
    margin: 0 0 ${token('--hearth-space-s')};
  }
  .back-link {
    padding-inline: 0;
  }
  .back-link::before {
    content: '‹';
    font-size: 1.5em;
    line-height: 1;
    text-decoration: none;
    margin-inline-end: 0.25em;
  }
  .progress {
    margin: 0;
    color: ${token('--hearth-color-text-muted')};
  }
  progress {
    display: block;
    width: 100%;
    height: 0.5rem;
    margin: 0 0 ${token('--hearth-space-m')};
    accent-color: ${token('--hearth-color-primary')};
  }
  .page-heading,
  h2 {
    font-size: 1.5em;
    line-height: 1.25;
    margin: 0 0 ${token('--hearth-space-m')};
  }
  /* Item wording is long: a slightly smaller heading keeps it readable at 320 px. */
  .legend--question .page-heading {
    font-size: 1.3em;
  }
  @media (min-width: 40rem) {
    .legend--question .page-heading {
      font-size: 1.5em;
    }
  }
  .page-heading:focus,
  [data-focus]:focus {
    outline: none;
  }
  .page-heading:focus-visible,
  [data-focus]:focus-visible {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 4px;
  }
  .caption {
    display: block;
    font-size: 0.8em;
    font-weight: 400;
    color: ${token('--hearth-color-text-muted')};
    margin: 0 0 ${token('--hearth-space-2xs')};
  }
  h3 {
    font-size: 1.125em;
    line-height: 1.3;
    margin: ${token('--hearth-space-l')} 0 ${token('--hearth-space-xs')};
  }
  p {
    margin: 0 0 ${token('--hearth-space-s')};
  }
  .lead-in ul,
  .list {
    margin: 0 0 ${token('--hearth-space-m')};
    padding-inline-start: 1.25em;
  }
  .lead-in li,
  .list li {
    margin: 0 0 ${token('--hearth-space-2xs')};
  }
  .notice {
    font-size: 0.875em;
    color: ${token('--hearth-color-text-muted')};
  }
  .inline-crisis {
    border-inline-start: 4px solid ${token('--hearth-color-danger')};
    padding: ${token('--hearth-space-xs')} ${token('--hearth-space-s')};
    margin: 0 0 ${token('--hearth-space-m')};
  }
  .inline-crisis a {
    font-weight: 700;
  }
  .result {
    border-inline-start: 6px solid ${token('--hearth-color-primary')};
    padding: ${token('--hearth-space-s')} ${token('--hearth-space-m')};
    margin: 0 0 ${token('--hearth-space-l')};
    background: ${token('--hearth-color-surface')};
  }
  .result__title {
    margin-top: 0;
    font-size: 1.25em;
  }
  .source {
    font-size: 0.875em;
    color: ${token('--hearth-color-text-muted')};
  }
  .footer {
    margin: ${token('--hearth-space-xl')} 0 0;
    padding: ${token('--hearth-space-s')} 0 0;
    border-top: 1px solid ${token('--hearth-color-border-subtle')};
  }
  .actions .button {
    min-width: 10rem;
  }
  @media (max-width: 30rem) {
    .actions .button[type='submit'] {
      width: 100%;
    }
  }
  @media (forced-colors: active) {
    .crisis,
    .inline-crisis,
    .result {
      border-color: CanvasText;
    }
  }
`;
