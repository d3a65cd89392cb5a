import { HearthCoverage } from './hearth-coverage.js';
import { resumePendingLeads } from '@hearth/lead/pending';

HearthCoverage.define('hearth-coverage');
// A returning visitor may have leads left on this device: one look in storage, and the outbox
// (or the notice for a lead that could not be sent) loads only if something is there.
void resumePendingLeads();

declare global {
  interface HTMLElementTagNameMap {
    'hearth-coverage': HearthCoverage;
  }
}

export { HearthCoverage };
