/**
 * Form widgets that show the content checker's messages next to the field they are about. Each one
 * is Decap's own widget (string, text, datetime, object, list) with a message list under it; the
 * messages come from the last save check and go away when the field is edited.
 */
import { Component, createElement as h, Fragment, useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import type { CMS as DecapCms } from 'decap-cms-core';
import type { EditorProblem } from '../scripts/check-entry.js';

let problems: EditorProblem[] = [];
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The last save check's problems (an empty list clears every message). */
export function setProblems(next: EditorProblem[]): void {
  problems = next;
  for (const listener of listeners) listener();
}

/** Problems the form has no field for (the hidden language, the whole file) are shown with the text. */
const FIELD_OF: Record<string, string> = { lang: 'body', file: 'body' };
const fieldOf = (p: EditorProblem) => FIELD_OF[p.field] ?? p.field;

function clearField(name: string, locale: string | undefined): void {
  const rest = problems.filter((p) => !(fieldOf(p) === name && (!locale || p.lang === locale)));
  if (rest.length !== problems.length) setProblems(rest);
}

function CheckMessages({ name, locale, forID }: { name: string; locale: string | undefined; forID: string }): ReactNode {
  const all = useSyncExternalStore(subscribe, () => problems);
  const mine = all.filter((p) => fieldOf(p) === name && (!locale || p.lang === locale));
  // The field's own input names the messages, so a screen reader reads them with it.
  useEffect(() => {
    const input = document.getElementById(forID);
    if (!input) return;
    if (mine.length) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${forID}-check`);
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }, [forID, mine.length]);
  if (!mine.length) return null;
  return h(
    'div',
    { className: 'hearth-check-messages', role: 'alert', id: `${forID}-check` },
    h(
      'p',
      { className: 'hearth-check-title' },
      mine.length === 1 ? 'The content check found a problem here:' : `The content check found ${mine.length} problems here:`,
    ),
    h(
      'ul',
      null,
      mine.map((p, i) =>
        h(
          'li',
          { key: i },
          p.field === 'body' && p.fieldLine ? h(Fragment, null, h('strong', null, `Line ${p.fieldLine}: `), p.message) : p.message,
        ),
      ),
    ),
  );
}

interface ControlProps {
  field: { get(key: string): unknown };
  locale?: string;
  forID: string;
  onChange: (value: unknown, ...rest: unknown[]) => void;
  [key: string]: unknown;
}

/** What Decap's Widget reads from a control through its ref. */
interface InnerControl {
  isValid?: () => unknown;
  getValidateValue?: () => unknown;
  focus?: (path?: unknown) => void;
  getWrappedInstance?: () => InnerControl;
}

function withCheckMessages(Base: ComponentType<ControlProps>): ComponentType<ControlProps> {
  return class CheckedControl extends Component<ControlProps> {
    inner: InnerControl | undefined;
    // Decap validates through the control's ref: hand its questions to the wrapped widget.
    isValid = () => this.inner?.isValid?.() ?? true;
    getValidateValue = () => this.inner?.getValidateValue?.();
    focus = (path?: unknown) => this.inner?.focus?.(path);
    handleRef = (ref: InnerControl | null) => {
      this.inner = ref?.getWrappedInstance ? ref.getWrappedInstance() : (ref ?? undefined);
    };
    handleChange = (value: unknown, ...rest: unknown[]) => {
      clearField(String(this.props.field.get('name')), this.props.locale);
      this.props.onChange(value, ...rest);
    };
    override render() {
      const name = String(this.props.field.get('name'));
      // data-field/data-locale name the field for the docs and the browser test.
      return h(
        'div',
        { className: 'hearth-field', 'data-field': name, 'data-locale': this.props.locale ?? '' },
        h(Base, { ...this.props, ref: this.handleRef, onChange: this.handleChange } as ControlProps),
        h(CheckMessages, { name, locale: this.props.locale, forID: this.props.forID }),
      );
    }
  };
}

const STYLE = `
.hearth-check-messages { margin: 8px 0 0; padding: 10px 14px; border: 2px solid #b3261e; border-radius: 5px; background: #fdecea; color: #5f1410; font-size: 14px; line-height: 1.45; }
.hearth-check-messages p { margin: 0 0 4px; font-weight: 600; }
.hearth-check-messages ul { margin: 0; padding-left: 20px; }
`;

/** hearth-string, hearth-text, hearth-datetime, hearth-object, hearth-list and hearth-body (the Markdown text). */
export function registerCheckedWidgets(cms: DecapCms): void {
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const wrap = (name: string, base: string) => {
    const widget = cms.getWidget(base);
    if (!widget) throw new Error(`Decap has no "${base}" widget`);
    // Keep the base widget's schema and options (allowMapValue…): they let `fields` and `collapsed` pass Decap's config check.
    const { control, preview, ...options } = widget as unknown as { control: ComponentType<ControlProps>; preview: unknown };
    (cms.registerWidget as (widget: unknown) => void)({
      ...options,
      name,
      controlComponent: withCheckMessages(control),
      previewComponent: preview,
    });
  };
  wrap('hearth-string', 'string');
  wrap('hearth-text', 'text');
  wrap('hearth-datetime', 'datetime');
  wrap('hearth-object', 'object');
  wrap('hearth-list', 'list');
  // The text is kept as typed: Decap's rich-text Markdown editor would rewrite `{#id}` and `_emphasis_`.
  wrap('hearth-body', 'text');
}
