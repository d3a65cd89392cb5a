/** Why content could not be shown; each widget turns `reason` into its own translated sentence. */
export class ContentError extends Error {
  readonly reason: 'load' | 'empty' | 'content';
  constructor(reason: 'load' | 'empty' | 'content', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ContentError';
    this.reason = reason;
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_BYTES = 2_000_000;

/**
 * Where `src` Markdown may come from: https:, this page's own origin (relative paths, blob:
 * URLs made by the page) or http: on the local machine. `{lang}` in `src` becomes the language.
 */
export function resolveContentUrl(src: string, lang: string, base = document.baseURI): URL {
  let url: URL;
  try {
    url = new URL(src.replaceAll('{lang}', encodeURIComponent(lang)), base);
  } catch {
    throw new ContentError('load', `src "${src}" is not a valid URL.`);
  }
  const pageOrigin = typeof location === 'undefined' ? undefined : location.origin;
  if (url.username || url.password) throw new ContentError('load', `src "${src}" must not contain a user name or password.`);
  if (url.protocol === 'https:' || url.origin === pageOrigin || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  throw new ContentError('load', `src "${src}" must be an https: URL or a file on this site.`);
}

/** Fetches Markdown without cookies; a failure or an empty file becomes a ContentError. */
export async function fetchMarkdown(url: URL, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', signal, headers: { Accept: 'text/markdown, text/plain;q=0.9, */*;q=0.5' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ContentError('load', `could not fetch ${url.href}: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new ContentError('load', `${url.href} answered ${response.status} ${response.statusText}`.trim());
  const text = await response.text();
  if (text.length > MAX_BYTES) throw new ContentError('content', `${url.href} is larger than ${MAX_BYTES / 1e6} MB.`);
  return text;
}

/** Removes the indentation common to every line, so Markdown can be indented inside HTML. */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return Number.isFinite(indent) && indent > 0 ? lines.map((l) => l.slice(indent)).join('\n') : lines.join('\n');
}

/** Throws `empty` when Markdown has no content beyond its front matter. */
export function assertNotEmpty(markdown: string, where: string): void {
  const body = markdown.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/, '');
  if (!body.trim()) throw new ContentError('empty', `${where} is empty.`);
}
