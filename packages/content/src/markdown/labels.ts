import type { ContentLabels, ContentLang } from '../types.js';

/**
 * The words compiled content carries in its own language. The widgets replace them with their
 * translated (and partner-overridable) strings at run time through `data-hearth-label`.
 */
export const DEFAULT_LABELS: Record<ContentLang, ContentLabels> = {
  en: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution', newTab: '(opens in a new tab)' },
  es: {
    note: 'Nota',
    tip: 'Consejo',
    important: 'Importante',
    warning: 'Advertencia',
    caution: 'Precaución',
    newTab: '(se abre en una pestaña nueva)',
  },
};
