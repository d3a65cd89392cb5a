/** @hearth/faq: `<hearth-faq>` and `<hearth-faq-item>`. Registers nothing; import `@hearth/faq/hearth-faq.js` to define the tags. */
export { HearthFaq, type FaqContentLoader, type FaqSourceKind } from './hearth-faq.js';
export { HearthFaqItem } from './hearth-faq-item.js';
