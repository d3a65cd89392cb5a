/**
 * Moves focus to the field with `id` inside `root` (a shadow root, usually) and brings its whole
 * question into view: the label or legend above the control as well as the control, as GOV.UK
 * Frontend does from an error summary link. Returns the field, or undefined when there is none.
 */
export function focusField(root: ParentNode, id: string): HTMLElement | undefined {
  const field = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`) ?? undefined;
  field?.focus();
  // Focus scrolls the control alone into view; the group holds its label, hint and error too.
  field?.closest('.field')?.scrollIntoView?.({ block: 'nearest' });
  return field;
}
