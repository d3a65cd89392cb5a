import { css } from 'lit';
import { token } from '@hearth/core';

export default css`
  :host {
    display: block;
    border-bottom: 1px solid var(--hearth-faq-border, ${token('--hearth-color-border-subtle')});
  }
  .heading {
    margin: 0;
    font: inherit;
  }
  .trigger {
    all: unset;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${token('--hearth-space-s')};
    width: 100%;
    min-height: 44px;
    padding: ${token('--hearth-space-s')} ${token('--hearth-space-2xs')};
    cursor: pointer;
    font-weight: 600;
    font-size: var(--hearth-faq-question-size, 1.0625em);
    line-height: 1.35;
    text-align: start;
    color: var(--hearth-faq-question-color, ${token('--hearth-color-text')});
  }
  .trigger:hover {
    color: ${token('--hearth-color-primary')};
  }
  .trigger:focus-visible {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 2px;
  }
  ::slotted([slot='question']) {
    margin: 0 !important;
    font: inherit !important;
    color: inherit !important;
  }
  .icon {
    flex: none;
    width: 0.6em;
    height: 0.6em;
    margin-inline-end: 0.2em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: translateY(-25%) rotate(45deg);
    transition: transform 150ms ease;
  }
  :host([open]) .icon {
    transform: translateY(25%) rotate(-135deg);
  }
  .panel__inner {
    padding: 0 ${token('--hearth-space-2xs')} ${token('--hearth-space-m')};
  }
  @media (forced-colors: active) {
    .icon {
      border-color: CanvasText;
    }
  }
`;
