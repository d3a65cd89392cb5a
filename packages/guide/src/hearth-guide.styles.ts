import { css } from 'lit';
import { token } from '@hearth/core';

/** Long-form reading: comfortable measure, clear headings, callouts and tables that work at 320 px. */
export default css`
  :host {
    --_space: var(--hearth-guide-spacing, ${token('--hearth-space-m')});
  }
  .guide {
    max-width: var(--hearth-guide-max-width, 42rem);
  }
  .title {
    font-size: 1.75em;
    line-height: 1.2;
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .reviewed {
    margin: 0 0 var(--_space);
    font-size: 0.9375em;
    color: ${token('--hearth-color-text-muted')};
  }
  .status {
    margin: var(--_space) 0;
    color: ${token('--hearth-color-text-muted')};
  }
  .toc {
    margin: 0 0 var(--_space);
    padding: ${token('--hearth-space-s')} ${token('--hearth-space-m')};
    border-inline-start: 4px solid ${token('--hearth-color-primary')};
    background: var(--hearth-guide-toc-background, ${token('--hearth-color-surface')});
    border-radius: 0 ${token('--hearth-radius')} ${token('--hearth-radius')} 0;
  }
  .toc__title {
    font-weight: 700;
    margin: 0 0 ${token('--hearth-space-2xs')};
  }
  .toc ol {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .toc li {
    margin: ${token('--hearth-space-2xs')} 0;
  }
  .toc a {
    display: inline-block;
    padding-block: 0.3em;
  }
  .content h1,
  .content h2,
  .content h3,
  .content h4,
  .content h5,
  .content h6 {
    line-height: 1.25;
    margin: 1.6em 0 0.5em;
    scroll-margin-top: var(--hearth-guide-scroll-margin, 1rem);
  }
  .content h2 {
    font-size: 1.4em;
  }
  .content h3 {
    font-size: 1.15em;
  }
  .content h4,
  .content h5,
  .content h6 {
    font-size: 1em;
  }
  .content > :first-child {
    margin-top: 0;
  }
  .content p,
  .content ul,
  .content ol,
  .content dl,
  .content blockquote,
  .content pre {
    margin: 0 0 var(--_space);
  }
  .content ul,
  .content ol {
    padding-inline-start: 1.5em;
  }
  .content li {
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .content img {
    max-width: 100%;
    height: auto;
  }
  .content blockquote {
    margin-inline: 0;
    padding-inline-start: ${token('--hearth-space-m')};
    border-inline-start: 4px solid ${token('--hearth-color-border-subtle')};
  }
  .content code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
  .content pre {
    overflow-x: auto;
    padding: ${token('--hearth-space-s')};
    background: ${token('--hearth-color-surface')};
    border-radius: ${token('--hearth-radius')};
  }
  .content hr {
    border: 0;
    border-top: 1px solid ${token('--hearth-color-border-subtle')};
    margin: var(--_space) 0;
  }
  .content a.hearth-unlinked {
    color: inherit;
    text-decoration: none;
  }
  .callout {
    margin: 0 0 var(--_space);
    padding: ${token('--hearth-space-s')} ${token('--hearth-space-m')};
    border: 1px solid var(--_callout-color);
    border-inline-start-width: 6px;
    border-radius: ${token('--hearth-radius')};
    background: ${token('--hearth-color-background')};
    --_callout-color: ${token('--hearth-color-primary')};
  }
  .callout--warning,
  .callout--caution {
    --_callout-color: ${token('--hearth-color-danger')};
  }
  .callout--tip {
    --_callout-color: ${token('--hearth-color-success')};
  }
  .callout > :last-child {
    margin-bottom: 0;
  }
  .callout__title {
    font-weight: 700;
    margin: 0 0 ${token('--hearth-space-2xs')};
    color: var(--_callout-color);
  }
  .table-scroll {
    overflow-x: auto;
    margin: 0 0 var(--_space);
    max-width: 100%;
  }
  .content table {
    border-collapse: collapse;
    min-width: 36rem;
    font-size: 0.9375em;
  }
  .content th,
  .content td {
    border: 1px solid ${token('--hearth-color-border-subtle')};
    padding: ${token('--hearth-space-xs')};
    vertical-align: top;
    text-align: start;
  }
  .content th {
    background: ${token('--hearth-color-surface')};
  }
  .content a.cta {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: ${token('--hearth-space-s')} ${token('--hearth-space-l')};
    border: 2px solid ${token('--hearth-color-primary')};
    border-radius: ${token('--hearth-radius')};
    background: ${token('--hearth-color-primary')};
    color: ${token('--hearth-color-on-primary')};
    font-weight: 600;
    text-decoration: none;
  }
  .content a.cta:hover {
    filter: brightness(0.92);
  }
  .sources {
    margin-top: calc(var(--_space) * 2);
    padding-top: var(--_space);
    border-top: 1px solid ${token('--hearth-color-border-subtle')};
    font-size: 0.875em;
  }
  .sources__title {
    font-size: 1.15em;
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .sources ol {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  .sources li {
    margin: 0 0 ${token('--hearth-space-xs')};
  }
  .retry {
    margin-top: ${token('--hearth-space-s')};
  }
  @media (forced-colors: active) {
    .callout,
    .toc {
      border-color: CanvasText;
    }
    .content a.cta {
      border-color: ButtonText;
    }
  }
`;
