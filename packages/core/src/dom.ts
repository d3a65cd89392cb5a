/**
 * Runs `fn` once the document has finished parsing, for widgets that read their light-DOM
 * children (inline Markdown, FAQ items) and may upgrade before the parser reaches them.
 * Returns true when it had to wait.
 */
export function afterDocumentParsed(doc: Document, fn: () => void): boolean {
  if (doc.readyState !== 'loading') return false;
  doc.addEventListener('DOMContentLoaded', fn, { once: true });
  return true;
}
