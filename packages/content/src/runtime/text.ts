const BLOCK = new Set([
  'p',
  'li',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'tr',
  'table',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'pre',
  'figure',
  'figcaption',
  'details',
  'summary',
  'br',
  'hr',
]);

/**
 * The text a reader gets from a piece of content, for FAQPage JSON-LD and search: blocks on
 * their own lines, placeholder markers as `{{brand.name}}` (fill them with
 * `fillPlaceholderText()`), and the visually hidden "opens in a new tab" hints left out.
 */
export function plainText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node): void => {
    for (const child of Array.from(current.childNodes)) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (element.localName === 'script' || element.localName === 'style' || element.localName === 'template') continue;
      if (element.getAttribute('data-hearth-label') === 'newTab') continue;
      const slot = element.getAttribute('data-hearth-slot');
      if (slot) {
        parts.push(`{{${slot}}}`);
        continue;
      }
      const condition = element.getAttribute('data-hearth-if');
      const block = BLOCK.has(element.localName);
      if (block) parts.push('\n');
      if (condition) parts.push(`{{#${condition}}}`);
      if (element.localName === 'td' || element.localName === 'th') parts.push(' ');
      walk(element);
      if (condition) parts.push(`{{/${condition}}}`);
      if (block) parts.push('\n');
    }
  };
  walk(node);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
