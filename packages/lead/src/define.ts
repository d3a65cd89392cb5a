import { HearthLeadForm } from './hearth-lead-form.js';
import { resumePendingLeads } from './pending.js';

HearthLeadForm.define('hearth-lead-form');
// A page that loads the form (or registers it itself) also sends what earlier visits left queued.
void resumePendingLeads();

declare global {
  interface HTMLElementTagNameMap {
    'hearth-lead-form': HearthLeadForm;
  }
}

export { HearthLeadForm };
