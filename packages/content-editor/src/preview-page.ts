/**
 * The preview page: the real <hearth-guide> and <hearth-faq>, built from their sources, showing
 * Markdown the editor sends (postMessage from the Decap preview pane) or a pack file on disk
 * (`?kind=faq&lang=es&src=/hearth/content/...`, used after a save).
 */
import '@hearth/guide/hearth-guide.js';
import '@hearth/faq/hearth-faq.js';

export interface PreviewMessage {
  type: 'hearth-preview';
  kind: 'guide' | 'faq';
  lang: string;
  markdown: string;
}

const main = document.getElementById('preview')!;
let blobUrl: string | undefined;

function show(kind: 'guide' | 'faq', lang: string, src: string): void {
  document.documentElement.lang = lang;
  const tag = kind === 'faq' ? 'hearth-faq' : 'hearth-guide';
  let widget = main.firstElementChild;
  if (!widget || widget.localName !== tag) {
    widget = document.createElement(tag);
    main.replaceChildren(widget);
  }
  widget.setAttribute('lang', lang);
  widget.setAttribute('src', src);
}

const params = new URLSearchParams(location.search);
const kind = params.get('kind');
const src = params.get('src');
if ((kind === 'faq' || kind === 'guide') && src) show(kind, params.get('lang') ?? 'en', src);

addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
  if (event.origin !== location.origin || event.data?.type !== 'hearth-preview') return;
  const { kind, lang, markdown } = event.data;
  // A blob: URL made by this page counts as this site's own file for the widgets' `src`.
  const previous = blobUrl;
  blobUrl = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown' }));
  show(kind, lang, blobUrl);
  if (previous) setTimeout(() => URL.revokeObjectURL(previous), 10_000);
});
