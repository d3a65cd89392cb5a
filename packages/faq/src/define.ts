import { HearthFaqItem } from './hearth-faq-item.js';
import { HearthFaq } from './hearth-faq.js';
import { resumePendingLeads } from '@hearth/lead/pending';

// Items first: a <hearth-faq> that upgrades finds its page items already upgraded.
HearthFaqItem.define('hearth-faq-item');
HearthFaq.define('hearth-faq');
// A returning visitor may have leads left on this device: one look in storage, and the outbox
// (or the notice for a lead that could not be sent) loads only if something is there.
void resumePendingLeads();

declare global {
  interface HTMLElementTagNameMap {
    'hearth-faq': HearthFaq;
    'hearth-faq-item': HearthFaqItem;
  }
}
