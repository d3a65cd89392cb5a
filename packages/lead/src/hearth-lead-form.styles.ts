import { css } from 'lit';
import { token } from '@hearth/core';

/**
 * `<hearth-lead-form>`, on top of core's `baseStyles` and `buttonStyles` and the shared
 * `formStyles` (fields, hints, errors, the error summary): spacing, the optional heading, the
 * consent checkbox and the off-screen bot trap.
 */
export default css`
  .field {
    margin-block-end: var(--hearth-lead-form-gap, ${token('--hearth-space-l')});
  }
  .heading {
    font-size: 1.375em;
    line-height: 1.3;
    margin: 0 0 ${token('--hearth-space-m')};
  }
  .heading:focus {
    outline: none;
  }
  /* Off-screen and out of the accessibility tree: only a bot fills it. */
  .trap {
    position: absolute;
    left: -10000px;
    top: auto;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .consent-text {
    font-weight: 400;
  }
  .choice--consent {
    align-items: flex-start;
  }
  .choice--consent input {
    margin-top: 0.125rem;
  }
`;
