import { HearthGuide } from './hearth-guide.js';
import { resumePendingLeads } from '@hearth/lead/pending';

HearthGuide.define('hearth-guide');
// A returning visitor may have leads left on this device: one look in storage, and the outbox
// (or the notice for a lead that could not be sent) loads only if something is there.
void resumePendingLeads();

declare global {
  interface HTMLElementTagNameMap {
    'hearth-guide': HearthGuide;
  }
}
