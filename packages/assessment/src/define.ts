import { HearthAssessment } from './hearth-assessment.js';
import { resumePendingLeads } from '@hearth/lead/pending';

HearthAssessment.define('hearth-assessment');
// A returning visitor may have leads left on this device: one look in storage, and the outbox
// (or the notice for a lead that could not be sent) loads only if something is there.
void resumePendingLeads();

declare global {
  interface HTMLElementTagNameMap {
    'hearth-assessment': HearthAssessment;
  }
}

export { HearthAssessment };
