import { isAllowedUrl } from '../allow-list.js';
import type { ContentLabels, PlaceholderValues } from '../types.js';

type Key = 'brand.name' | 'brand.phone' | 'brand.bookingUrl';

function valueOf(values: PlaceholderValues, key: string): string | undefined {
  const value =
    key === 'brand.name'
      ? values.name
      : key === 'brand.phone'
        ? values.phone
        : key === 'brand.bookingUrl'
          ? values.bookingUrl
          : values.extra?.[key];
  return value?.trim() ? value.trim() : undefined;
}

/** The booking link is used only if it is https: (http: on localhost, for development) or a #anchor. */
function safeBookingUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (url.startsWith('#')) return url;
  if (!/^https:\/\//i.test(url) && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/i.test(url)) return undefined;
  return isAllowedUrl(url) ? url : undefined;
}

/** "+1 (555) 010-0199" → "tel:+15550100199". */
export function telHref(phone: string): string | undefined {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace(/\D/g, '').length >= 3 ? `tel:${digits}` : undefined;
}

/**
 * Fills the placeholder markers of rendered content with the brand's values, as TEXT nodes and
 * attributes (never HTML):
 * - `data-hearth-slot="brand.name"` gets the text; `brand.phone` becomes a tap-to-call link.
 * - `data-hearth-if="brand.phone"` is removed when the value is not set.
 * - `a[data-hearth-href="brand.bookingUrl"]` gets the link if it is safe; otherwise only its text stays.
 * - `data-hearth-label` gets the translated word (callout titles, "opens in a new tab").
 * Safe to call again with new values: markers stay in place.
 */
export function fillPlaceholders(root: ParentNode, values: PlaceholderValues, labels?: Partial<ContentLabels>): void {
  const doc = (root as Node).ownerDocument ?? (root as unknown as Document);
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-hearth-if]'))) {
    element.hidden = valueOf(values, element.dataset['hearthIf'] as Key) === undefined;
  }
  for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-hearth-slot]'))) {
    const key = element.dataset['hearthSlot'] as Key;
    const value = valueOf(values, key);
    element.replaceChildren();
    if (value === undefined) continue;
    const tel = key === 'brand.phone' ? telHref(value) : undefined;
    if (tel && !element.closest('a')) {
      const link = doc.createElement('a');
      link.href = tel;
      link.textContent = value;
      element.append(link);
    } else {
      element.append(doc.createTextNode(value));
    }
  }
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[data-hearth-href]'))) {
    const url = safeBookingUrl(valueOf(values, link.dataset['hearthHref'] as Key));
    if (url) {
      link.setAttribute('href', url);
      link.classList.remove('hearth-unlinked');
    } else {
      // No safe link configured: the words stay, as plain text.
      link.removeAttribute('href');
      link.classList.add('hearth-unlinked');
    }
  }
  if (labels) {
    for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-hearth-label]'))) {
      const text = labels[element.dataset['hearthLabel'] as keyof ContentLabels];
      if (text === undefined) continue;
      element.textContent = element.dataset['hearthLabel'] === 'newTab' ? ` ${text}` : text;
    }
  }
}

/** The same, for plain text (JSON-LD answers, table-of-contents entries). */
export function fillPlaceholderText(text: string, values: PlaceholderValues): string {
  return text
    .replace(/\{\{#([\w.]+)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (_, key: string, inner: string) =>
      valueOf(values, key) === undefined ? '' : inner,
    )
    .replace(/\{\{([\w.]+)\}\}/g, (whole, key: string) => (key === 'brand.bookingUrl' ? whole : (valueOf(values, key) ?? '')))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}

/**
 * The brand values a widget fills placeholders with. The booking link is kept only when it also
 * passes the host's link rule (core's `isSafeLink`, passed in so this module stays DOM- and core-free).
 */
export function brandPlaceholders(
  brand: { name?: string; phone?: string; bookingUrl?: string } | undefined,
  isSafeLink: (url: string) => boolean,
  extra?: PlaceholderValues['extra'],
): PlaceholderValues {
  return {
    name: brand?.name,
    phone: brand?.phone,
    bookingUrl: brand?.bookingUrl && isSafeLink(brand.bookingUrl) ? brand.bookingUrl : undefined,
    ...(extra ? { extra } : {}),
  };
}

/** The translated words for content markers, from a widget's `t()` (keys `alert.*` and `newTab`). */
export function contentLabels(t: (key: string) => string): ContentLabels {
  return {
    note: t('alert.note'),
    tip: t('alert.tip'),
    important: t('alert.important'),
    warning: t('alert.warning'),
    caution: t('alert.caution'),
    newTab: t('newTab'),
  };
}
