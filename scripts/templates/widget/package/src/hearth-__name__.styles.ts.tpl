import { css } from 'lit';
import { token } from '@hearth/core';

export default css`
  .hearth-root {
    padding: ${token('--hearth-space-m')};
    border: 1px solid var(--hearth-__name__-border, ${token('--hearth-color-border-subtle')});
    border-radius: ${token('--hearth-radius')};
    background: var(--hearth-__name__-background, ${token('--hearth-color-background')});
  }
  .heading {
    margin: 0 0 ${token('--hearth-space-xs')};
    font-size: 1.25em;
    line-height: 1.3;
  }
  .body {
    margin: 0 0 ${token('--hearth-space-s')};
  }
  .details {
    margin-top: ${token('--hearth-space-s')};
  }
  @media (forced-colors: active) {
    .hearth-root {
      border-color: CanvasText;
    }
  }
`;
