import { isAllowedAttr, isAllowedAttrValue, isAllowedTag } from '../allow-list.js';

const VOID = new Set(['br', 'hr', 'img', 'wbr']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITIES[name] ?? whole;
  });
}

const TOKEN = /<\/([a-z][a-z0-9]*)\s*>|<([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*\/?>|<!--[\s\S]*?-->|([^<]+)/gi;
const ATTR = /([a-z][a-z0-9-]*)(?:="([^"]*)")?/gi;

/**
 * Builds DOM nodes from the HTML the content compiler wrote (already sanitized at build time)
 * with createElement / setAttribute / createTextNode only. No innerHTML, DOMParser or other
 * HTML sink is touched, so it works unchanged under Trusted Types, and it costs a few hundred
 * bytes instead of a Markdown parser and a sanitizer. It reads exactly the serialization the
 * compiler produces; as defence in depth it still drops any tag or attribute outside the
 * allow-list, and any unbalanced tag is closed.
 */
export function htmlToFragment(html: string, doc: Document = document): DocumentFragment {
  const root = doc.createDocumentFragment();
  const stack: ParentNode[] = [root];
  let skipping = 0; // depth inside a disallowed element, whose content is dropped
  for (const match of html.matchAll(TOKEN)) {
    const [, closing, opening, attrs, text] = match;
    const parent = stack[stack.length - 1]!;
    if (text !== undefined) {
      if (!skipping) parent.append(doc.createTextNode(decode(text)));
    } else if (opening !== undefined) {
      const tag = opening.toLowerCase();
      if (skipping || !isAllowedTag(tag)) {
        if (!VOID.has(tag)) skipping++;
        continue;
      }
      const element = doc.createElement(tag);
      for (const attr of (attrs ?? '').matchAll(ATTR)) {
        const name = attr[1]!.toLowerCase();
        const value = decode(attr[2] ?? '');
        if (isAllowedAttr(name) && isAllowedAttrValue(tag, name, value)) element.setAttribute(name, value);
      }
      parent.append(element);
      if (!VOID.has(tag)) stack.push(element);
    } else if (closing !== undefined) {
      const tag = closing.toLowerCase();
      if (skipping) {
        if (!VOID.has(tag)) skipping--;
        continue;
      }
      // Pop to the matching element; a stray closing tag is ignored.
      for (let i = stack.length - 1; i > 0; i--) {
        if ((stack[i] as Element).localName === tag) {
          stack.length = i;
          break;
        }
      }
    }
  }
  return root;
}
