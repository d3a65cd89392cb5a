/**
 * The preview pane: a page of our own (preview.html) inside Decap's preview frame, where the real
 * <hearth-guide> or <hearth-faq> renders the entry's Markdown as it stands in the form. A page of
 * its own, because custom elements live in one window: Decap's frame has none of ours defined.
 */
import { createElement as h, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CMS as DecapCms, PreviewTemplateComponentProps } from 'decap-cms-core';
import { serializeContentFile, type EntryData } from './format.js';
import type { PreviewMessage } from './preview-page.js';

function PreviewFrame({ kind, lang, markdown }: Omit<PreviewMessage, 'type'>): ReactNode {
  const frame = useRef<HTMLIFrameElement>(null);
  // preview.html's module script has run by its load event: from then on it takes Markdown.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!ready) return;
    // Typing is not re-rendered on every key: the widget parses the whole file each time.
    const timer = setTimeout(() => {
      const message: PreviewMessage = { type: 'hearth-preview', kind, lang, markdown };
      frame.current?.contentWindow?.postMessage(message, location.origin);
    }, 250);
    return () => clearTimeout(timer);
  }, [ready, kind, lang, markdown]);
  return h('iframe', {
    ref: frame,
    onLoad: () => setReady(true),
    src: `${location.origin}/preview.html`,
    title: `Preview: the ${kind === 'faq' ? 'FAQ' : 'guide'} as patients see it (${lang})`,
    'data-hearth-preview': kind,
    style: { border: 0, width: '100%', height: 'calc(100vh - 24px)', display: 'block' },
  });
}

/** One template per pack (Decap names a folder collection's template after it); `kinds` maps "<pack>/<file>" to its widget. */
export function registerPreviews(cms: DecapCms, kinds: Record<string, 'guide' | 'faq'>): void {
  for (const pack of new Set(Object.keys(kinds).map((key) => key.split('/')[0]!))) {
    cms.registerPreviewTemplate(pack, ({ entry }: PreviewTemplateComponentProps) => {
      const data = (entry.get('data')?.toJS() ?? {}) as EntryData;
      const kind = kinds[`${pack}/${String(entry.get('slug'))}`] ?? 'guide';
      return h(PreviewFrame, { kind, lang: String(data['lang'] ?? 'en'), markdown: serializeContentFile(data) });
    });
  }
}
