import { HearthFaqItem } from './hearth-faq-item.js';
import { HearthFaq } from './hearth-faq.js';

// Items first: a <hearth-faq> that upgrades finds its page items already upgraded.
HearthFaqItem.define('hearth-faq-item');
HearthFaq.define('hearth-faq');

declare global {
  interface HTMLElementTagNameMap {
    'hearth-faq': HearthFaq;
    'hearth-faq-item': HearthFaqItem;
  }
}
