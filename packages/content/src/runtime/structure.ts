import type { TocEntry } from '../types.js';
import { plainText } from './text.js';

const HEADING = /^h([1-6])$/;

export const headingDepth = (element: Element): number => Number(HEADING.exec(element.localName)?.[1] ?? 0);

/** The shallowest heading level in `root` (0 when there is none). */
export function topHeadingDepth(root: ParentNode): number {
  let top = 0;
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const depth = headingDepth(heading);
    if (!top || depth < top) top = depth;
  }
  return top;
}

/**
 * Moves every heading by `shift` levels (clamped to h1–h6), keeping its attributes and children,
 * so that content written with `##` fits under the host page's own headings.
 */
export function shiftHeadings(root: ParentNode, shift: number): void {
  if (!shift) return;
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const level = Math.min(6, Math.max(1, headingDepth(heading) + shift));
    const replacement = heading.ownerDocument.createElement(`h${level}`);
    for (const name of heading.getAttributeNames()) replacement.setAttribute(name, heading.getAttribute(name) ?? '');
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  }
}

/** The outline of rendered content: headings that have an id, down to `maxDepth`. */
export function tableOfContents(root: ParentNode, maxDepth = 3): TocEntry[] {
  return Array.from(root.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]'))
    .map((heading) => ({ id: heading.id, text: plainText(heading).replace(/\n/g, ' '), depth: headingDepth(heading) }))
    .filter((entry) => entry.depth <= maxDepth);
}

export interface FaqSection {
  slug: string;
  /** Plain text of the question, with placeholders as `{{brand.name}}`. */
  question: string;
  /** The answer's nodes, moved out of `root`. */
  answer: DocumentFragment;
}

/**
 * Splits rendered FAQ content into questions: each heading of the shallowest level starts one,
 * and everything up to the next such heading is its answer. Content before the first question
 * is ignored (the FAQ's title belongs to the host page).
 */
export function splitFaq(root: ParentNode & Node): FaqSection[] {
  const depth = topHeadingDepth(root);
  if (!depth) return [];
  const doc = root.ownerDocument ?? (root as unknown as Document);
  const sections: FaqSection[] = [];
  let current: FaqSection | undefined;
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === 1 && headingDepth(node as Element) === depth) {
      const heading = node as Element;
      current = { slug: heading.id, question: plainText(heading).replace(/\n/g, ' '), answer: doc.createDocumentFragment() };
      sections.push(current);
      heading.remove();
    } else if (current) {
      current.answer.append(node);
    }
  }
  return sections;
}
