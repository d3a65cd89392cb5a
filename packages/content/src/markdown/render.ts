import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { ALERT_KINDS, PLACEHOLDER_KEYS, isAllowedUrl, type AlertKind } from '../allow-list.js';
import { Slugger } from '../slug.js';
import type { ContentLabels } from '../types.js';
import { DEFAULT_LABELS } from './labels.js';

export interface RenderOptions {
  /** Added to every heading level (clamped to h1–h6), so the content fits the host page's outline. */
  headingShift?: number;
  /** Words for callout titles and the "opens in a new tab" hint; English by default. */
  labels?: Partial<ContentLabels>;
}

export interface RenderedHeading {
  id: string;
  /** Plain text, placeholders kept as `{{brand.name}}`. */
  text: string;
  /** Depth in the Markdown (before the shift). */
  depth: number;
  /** True when the id came from `{#id}` rather than from the text. */
  explicitId: boolean;
}

export interface RenderResult {
  /** HTML with placeholder markers. NOT sanitized: pass it through `sanitize*()`. */
  html: string;
  headings: RenderedHeading[];
}

const HEADING_ID = /[ \t]*\{#([A-Za-z][\w-]*)\}[ \t]*$/;
const ALERT_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i;
const PLACEHOLDER = /^\{\{\s*([#/]?)\s*([A-Za-z][\w.]*)\s*\}\}/;
export const CTA_HREF = '#hearth-assessment';
export const BOOKING_PLACEHOLDER = '{{brand.bookingUrl}}';

type HearthHeading = Tokens.Heading & { explicitId?: string; hearthId?: string };

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** marked's own URL clean-up: percent-encode what needs it; null when the URL cannot be encoded. */
function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, '%');
  } catch {
    return null;
  }
}

/** The plain text of inline tokens, with placeholders kept as `{{key}}`. */
export function inlineText(tokens: readonly Token[] | undefined): string {
  let text = '';
  for (const token of tokens ?? []) {
    if (token.type === 'hearthPlaceholder') text += token['mode'] ? '' : `{{${token['key'] as string}}}`;
    else if ('tokens' in token && token.tokens?.length) text += inlineText(token.tokens);
    else if (token.type === 'image') text += (token as Tokens.Image).text;
    else if (token.type === 'br') text += ' ';
    else if ('text' in token && typeof token.text === 'string' && token.type !== 'html') text += decodeEntities(token.text);
  }
  return text.replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

/** `{{brand.name}}` → a text slot; `{{#brand.phone}}…{{/brand.phone}}` → shown only when the value is set. */
const placeholderExtension: TokenizerAndRendererExtension = {
  name: 'hearthPlaceholder',
  level: 'inline',
  start(src) {
    const at = src.indexOf('{{');
    return at === -1 ? undefined : at;
  },
  tokenizer(src) {
    const match = PLACEHOLDER.exec(src);
    if (!match || !(PLACEHOLDER_KEYS as readonly string[]).includes(match[2]!)) return undefined;
    return { type: 'hearthPlaceholder', raw: match[0], mode: match[1], key: match[2] };
  },
  renderer(token) {
    const key = escapeHtml(token['key'] as string);
    if (token['mode'] === '#') return `<span data-hearth-if="${key}">`;
    if (token['mode'] === '/') return '</span>';
    return `<span data-hearth-slot="${key}"></span>`;
  },
};

/**
 * Creates a marked instance with Hearth's extensions. A new instance per document keeps the
 * per-document state (slugs, headings) out of marked's global defaults.
 */
export function createMarked(options: RenderOptions = {}): { marked: Marked; headings: RenderedHeading[] } {
  const labels: ContentLabels = { ...DEFAULT_LABELS.en, ...options.labels };
  const shift = Math.trunc(options.headingShift ?? 0);
  const headings: RenderedHeading[] = [];
  const slugger = new Slugger();
  const marked = new Marked({ gfm: true, breaks: false });

  marked.use({
    extensions: [placeholderExtension],
    hooks: {
      processAllTokens(tokens) {
        // Explicit ids first, so that a generated slug never takes an id an editor chose.
        marked.walkTokens(tokens, (token) => {
          if (token.type !== 'heading') return;
          const last = (token as Tokens.Heading).tokens.at(-1);
          const match = last?.type === 'text' ? HEADING_ID.exec(last.raw) : null;
          if (!match || !last) return;
          last.raw = last.raw.replace(HEADING_ID, '');
          (last as Tokens.Text).text = (last as Tokens.Text).text.replace(HEADING_ID, '');
          if (!last.raw) (token as Tokens.Heading).tokens.pop();
          (token as HearthHeading).explicitId = match[1];
          slugger.reserve(match[1]!);
        });
        marked.walkTokens(tokens, (token) => {
          if (token.type === 'heading') {
            const heading = token as Tokens.Heading;
            const text = inlineText(heading.tokens);
            const explicit = (token as HearthHeading).explicitId;
            const id = explicit ?? slugger.unique(text);
            (token as HearthHeading).hearthId = id;
            headings.push({ id, text, depth: heading.depth, explicitId: explicit !== undefined });
          } else if (token.type === 'blockquote') {
            markAlert(marked, token as Tokens.Blockquote);
          }
        });
        return tokens;
      },
    },
    renderer: {
      heading(token) {
        const level = Math.min(6, Math.max(1, token.depth + shift));
        const id = (token as HearthHeading).hearthId;
        return `<h${level}${id ? ` id="${escapeHtml(id)}"` : ''}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
      },
      blockquote(token) {
        const kind = (token as Tokens.Blockquote & { alert?: AlertKind }).alert;
        if (!kind) return false;
        return (
          `<div class="callout callout--${kind}" role="note" data-hearth-callout="${kind}">\n` +
          `<p class="callout__title" data-hearth-label="${kind}">${escapeHtml(labels[kind])}</p>\n` +
          `${this.parser.parse(token.tokens)}</div>\n`
        );
      },
      link(token) {
        const inner = this.parser.parseInline(token.tokens);
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        if (token.href === BOOKING_PLACEHOLDER) return `<a data-hearth-href="brand.bookingUrl"${title}>${inner}</a>`;
        if (token.href === CTA_HREF) return `<a href="${CTA_HREF}" class="cta" data-hearth-cta="assessment"${title}>${inner}</a>`;
        const href = cleanUrl(token.href);
        if (href === null || !isAllowedUrl(token.href, 'link')) return inner;
        if (/^https?:/i.test(href)) {
          return (
            `<a href="${escapeHtml(href)}"${title} rel="noopener noreferrer" target="_blank">${inner}` +
            `<span class="visually-hidden" data-hearth-label="newTab"> ${escapeHtml(labels.newTab)}</span></a>`
          );
        }
        return `<a href="${escapeHtml(href)}"${title}>${inner}</a>`;
      },
      image(token) {
        const alt = inlineText(token.tokens) || token.text;
        const src = cleanUrl(token.href);
        if (src === null || !isAllowedUrl(token.href, 'image')) return escapeHtml(alt);
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${title} loading="lazy" decoding="async">`;
      },
      table(token) {
        const label = token.header
          .map((cell) => inlineText(cell.tokens))
          .filter(Boolean)
          .join(', ');
        const cell = (c: Tokens.TableCell, scope: boolean) => {
          const tag = c.header ? 'th' : 'td';
          const align = c.align ? ` align="${c.align}"` : '';
          return `<${tag}${scope ? ' scope="col"' : ''}${align}>${this.parser.parseInline(c.tokens)}</${tag}>`;
        };
        const head = `<thead>\n<tr>${token.header.map((c) => cell(c, true)).join('')}</tr>\n</thead>\n`;
        const rows = token.rows.map((row) => `<tr>${row.map((c) => cell(c, false)).join('')}</tr>\n`).join('');
        return (
          `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(label.slice(0, 160))}">\n` +
          `<table>\n${head}${rows ? `<tbody>\n${rows}</tbody>\n` : ''}</table>\n</div>\n`
        );
      },
    },
  });
  return { marked, headings };
}

/** `> [!WARNING]` as the first line of a quote makes it a callout. */
function markAlert(marked: Marked, token: Tokens.Blockquote): void {
  const first = token.tokens[0];
  if (first?.type !== 'paragraph') return;
  const match = ALERT_MARKER.exec((first as Tokens.Paragraph).text);
  if (!match) return;
  const kind = match[1]!.toLowerCase() as AlertKind;
  if (!ALERT_KINDS.includes(kind)) return;
  (token as Tokens.Blockquote & { alert?: AlertKind }).alert = kind;
  const rest = (first as Tokens.Paragraph).text.slice(match[0].length);
  if (!rest.trim()) token.tokens.shift();
  else {
    const paragraph = first as Tokens.Paragraph;
    paragraph.text = rest;
    paragraph.tokens = marked.Lexer.lexInline(rest, marked.defaults);
  }
}

/** Renders Markdown (without front matter) to unsanitized HTML plus its headings. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): RenderResult {
  const { marked, headings } = createMarked(options);
  const html = marked.parse(markdown, { async: false });
  return { html, headings };
}
