import { css } from 'lit';
import { token } from '@hearth/core';

export default css`
  .search {
    margin: 0 0 ${token('--hearth-space-m')};
  }
  .search label {
    display: block;
    font-weight: 600;
    margin: 0 0 ${token('--hearth-space-2xs')};
  }
  .search input {
    all: unset;
    box-sizing: border-box;
    display: block;
    width: 100%;
    min-height: 44px;
    padding: ${token('--hearth-space-xs')} ${token('--hearth-space-s')};
    border: 2px solid ${token('--hearth-color-border')};
    border-radius: ${token('--hearth-radius')};
    background: ${token('--hearth-color-background')};
    color: ${token('--hearth-color-text')};
    font: inherit;
  }
  .search input:focus-visible {
    outline: 3px solid ${token('--hearth-color-focus')};
    outline-offset: 2px;
  }
  .status {
    margin: ${token('--hearth-space-xs')} 0 0;
    min-height: 1.5em;
    color: ${token('--hearth-color-text-muted')};
  }
  .items {
    border-top: 1px solid var(--hearth-faq-border, ${token('--hearth-color-border-subtle')});
  }
  .answer p,
  .answer ul,
  .answer ol {
    margin: 0 0 ${token('--hearth-space-s')};
  }
  .answer > :last-child {
    margin-bottom: 0;
  }
  .answer ul,
  .answer ol {
    padding-inline-start: 1.5em;
  }
  .answer a.hearth-unlinked {
    color: inherit;
    text-decoration: none;
  }
  .answer .callout {
    margin: 0 0 ${token('--hearth-space-s')};
    padding: ${token('--hearth-space-xs')} ${token('--hearth-space-s')};
    border-inline-start: 6px solid ${token('--hearth-color-primary')};
  }
  .answer .callout__title {
    font-weight: 700;
    margin: 0;
  }
  .answer .table-scroll {
    overflow-x: auto;
  }
  .answer img {
    max-width: 100%;
    height: auto;
  }
  .retry {
    margin-top: ${token('--hearth-space-s')};
  }
`;
