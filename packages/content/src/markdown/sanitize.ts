import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { ALLOWED_ATTRS, ALLOWED_TAGS, isAllowedAttrValue } from '../allow-list.js';
import { hearthPolicy } from '../runtime/trusted-types.js';

/**
 * Everything rendered from Markdown passes through here: DOMPurify with Hearth's allow-list
 * (allow-list.ts), plus a hook that checks attribute values (URLs, role, tabindex, markers).
 *
 * Trusted Types: DOMPurify parses its input through a sink, so under
 * `require-trusted-types-for 'script'` it needs a policy. We create one named `hearth` (list it in
 * the page's `trusted-types` directive); if the page does not allow it, DOMPurify falls back to
 * its own `dompurify` policy. The result is a DocumentFragment that the widgets insert as nodes,
 * so no HTML sink is used after sanitizing.
 */

const CONFIG = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...ALLOWED_ATTRS],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|sms):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_TAGS: [
    'script',
    'style',
    'iframe',
    'frame',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'svg',
    'math',
    'template',
    'link',
    'meta',
    'base',
  ],
  FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href', 'ping'],
  KEEP_CONTENT: true,
  // DOMPurify would drop heading ids such as "images" or "title" (names of document properties) to
  // stop DOM clobbering. Only headings get ids here (the hook removes them from images, the one
  // allowed element that named access on document reaches), and forms are not allowed at all.
  SANITIZE_DOM: false,
  WHOLE_DOCUMENT: false,
} satisfies Config;

type TrustedTypePolicyLike = NonNullable<ReturnType<typeof hearthPolicy>>;

const instances = new WeakMap<object, { purify: DOMPurify; policy: TrustedTypePolicyLike | null | undefined }>();

function purifierFor(win: WindowLike): { purify: DOMPurify; policy: TrustedTypePolicyLike | null | undefined } {
  let entry = instances.get(win);
  if (entry) return entry;
  const purify = createDOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!('getAttributeNames' in node)) return;
    const element = node as Element;
    const tag = element.localName;
    for (const name of element.getAttributeNames()) {
      if (!isAllowedAttrValue(tag, name, element.getAttribute(name) ?? '')) element.removeAttribute(name);
    }
    // Links that open a new tab never get a handle on this page, nor a referrer.
    if (element.hasAttribute('target')) element.setAttribute('rel', 'noopener noreferrer');
    if (tag === 'img') {
      element.removeAttribute('id');
      element.setAttribute('loading', 'lazy');
      element.setAttribute('decoding', 'async');
    }
  });
  entry = { purify, policy: hearthPolicy(win as unknown as Window) };
  instances.set(win, entry);
  return entry;
}

function configFor(entry: { policy: TrustedTypePolicyLike | null | undefined }): Config {
  // With our policy: use it. Without Trusted Types: nothing. If the page refused "hearth", let
  // DOMPurify try its own "dompurify" policy (it warns if that is refused too).
  return entry.policy ? { ...CONFIG, TRUSTED_TYPES_POLICY: entry.policy as unknown as Config['TRUSTED_TYPES_POLICY'] } : { ...CONFIG };
}

/** Sanitizes HTML into a DocumentFragment owned by `win`'s document: insert it, never re-parse it. */
export function sanitizeToFragment(html: string, win: Window = window): DocumentFragment {
  const entry = purifierFor(win as unknown as WindowLike);
  const fragment = entry.purify.sanitize(html, { ...configFor(entry), RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null;
  if (fragment && (fragment.childNodes.length || !html.trim())) return fragment;
  if (entry.policy === null) {
    // DOMPurify could not parse under Trusted Types without a policy: say how to fix it.
    throw new Error(
      'Trusted Types blocked the Markdown sanitizer. Add "hearth" to the trusted-types directive of the page\'s Content-Security-Policy.',
    );
  }
  return fragment ?? win.document.createDocumentFragment();
}

/** Sanitizes HTML to a string (build time, in jsdom). */
export function sanitizeToHtml(html: string, win: Window): string {
  const entry = purifierFor(win as unknown as WindowLike);
  return String(entry.purify.sanitize(html, { ...configFor(entry), RETURN_TRUSTED_TYPE: false }));
}

/** What DOMPurify removed in the last call (for editors' diagnostics). */
export function lastRemoved(win: Window): number {
  return purifierFor(win as unknown as WindowLike).purify.removed.length;
}
