/**
 * What rendered content may contain. One list for the build-time sanitizer, the run-time
 * sanitizer (DOMPurify) and the builder of compiled content, so that the three never drift.
 * No script, style, iframe, form, input, SVG or MathML; no event handlers or style attributes.
 */
export const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
] as const;

export const ALLOWED_ATTRS = [
  'href',
  'title',
  'alt',
  'src',
  'width',
  'height',
  'loading',
  'decoding',
  'rel',
  'target',
  'id',
  'class',
  'lang',
  'dir',
  'colspan',
  'rowspan',
  'scope',
  'align',
  'start',
  'reversed',
  'open',
  'datetime',
  'cite',
  'role',
  'tabindex',
  'aria-label',
  'aria-hidden',
  // Markers the widgets fill at run time, with text nodes only (see runtime/placeholders.ts).
  'data-hearth-slot',
  'data-hearth-if',
  'data-hearth-href',
  'data-hearth-cta',
  'data-hearth-label',
  'data-hearth-callout',
] as const;

/**
 * Placeholder keys an editor may write as `{{brand.name}}`. `instrument.*` is the screen the
 * assessment uses (inside `{{#instrument.name}}…{{/instrument.name}}` where it may be unknown).
 */
export const PLACEHOLDER_KEYS = ['brand.name', 'brand.phone', 'brand.bookingUrl', 'instrument.name', 'instrument.minutes'] as const;
export type PlaceholderKey = (typeof PLACEHOLDER_KEYS)[number];

export const LABEL_KEYS = ['note', 'tip', 'important', 'warning', 'caution', 'newTab'] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

export const ALERT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const TAGS = new Set<string>(ALLOWED_TAGS);
const ATTRS = new Set<string>(ALLOWED_ATTRS);

export const isAllowedTag = (tag: string): boolean => TAGS.has(tag);
export const isAllowedAttr = (name: string): boolean => ATTRS.has(name);

/**
 * Link and image targets content may use: http(s), mailto:, tel:, sms:, relative paths and
 * #anchors. Everything else (javascript:, data:, vbscript:, blob:, file:, …) is refused. Control
 * characters and whitespace are removed first, as browsers do when they parse a URL.
 */
export function isAllowedUrl(value: string, kind: 'link' | 'image' = 'link'): boolean {
  // eslint-disable-next-line no-control-regex
  const url = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return true; // relative path, #anchor or //host (the page's own scheme)
  if (scheme === 'https' || scheme === 'http') return true;
  return kind === 'link' && (scheme === 'mailto' || scheme === 'tel' || scheme === 'sms');
}

/** Values the sanitizer keeps for attributes whose values are restricted. */
export function isAllowedAttrValue(tag: string, name: string, value: string): boolean {
  switch (name) {
    case 'href':
      return isAllowedUrl(value, 'link');
    case 'src':
      return isAllowedUrl(value, 'image');
    case 'role':
      return value === 'note' || value === 'region';
    case 'tabindex':
      return value === '0' && tag === 'div';
    case 'target':
      return value === '_blank';
    case 'data-hearth-slot':
    case 'data-hearth-if':
    case 'data-hearth-href':
      return (PLACEHOLDER_KEYS as readonly string[]).includes(value);
    case 'data-hearth-cta':
      return value === 'assessment';
    case 'data-hearth-label':
      return (LABEL_KEYS as readonly string[]).includes(value);
    case 'data-hearth-callout':
      return (ALERT_KINDS as readonly string[]).includes(value);
    default:
      return true;
  }
}
