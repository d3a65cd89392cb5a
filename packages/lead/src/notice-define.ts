import { HearthLeadNotice } from './hearth-lead-notice.js';

HearthLeadNotice.define('hearth-lead-notice');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-lead-notice': HearthLeadNotice;
  }
}

export { HearthLeadNotice };
