import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Token, Tokens } from 'marked';
import { PLACEHOLDER_KEYS } from '../src/allow-list.js';
import { manifestProblems, parseManifest } from '../src/manifest.js';
import { FrontMatterError, splitFrontMatter, type SplitDocument } from '../src/markdown/front-matter.js';
import { BOOKING_PLACEHOLDER, CTA_HREF, createMarked, renderMarkdown, type RenderedHeading } from '../src/markdown/render.js';
import type { ContentDocKind, ContentLang, ContentPackEntry, ContentPackManifest } from '../src/types.js';
import { FrontMatterSchema, type ValidFrontMatter } from './front-matter-schema.js';

/** The kinds of document a pack may have, in the order they are checked and compiled. */
export const DOCS = ['guide', 'faq'] as const satisfies readonly ContentDocKind[];
export type Lang = ContentLang;
export type DocKind = ContentDocKind;
/** A pack's Markdown lives in `<pack>/content/<lang>/<file>`; its manifest is `<pack>/manifest.json`. */
export const CONTENT_FOLDER = 'content';
export const MANIFEST_FILE = 'manifest.json';

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface CheckedDoc {
  file: string;
  kind: DocKind;
  lang: Lang;
  split?: SplitDocument;
  frontMatter?: ValidFrontMatter;
  /** Top-level sections (`##`) in order, with their file lines. */
  sections: { id: string; line: number; explicit: boolean }[];
  headings: RenderedHeading[];
  /** `#anchor` links, checked once every document is read (they may point into the FAQ). */
  anchors: { href: string; line: number }[];
}

const lineOf = (text: string, index: number): number => text.slice(0, Math.max(0, index)).split('\n').length;

/** Lines of ATX headings outside code fences, in order. */
function headingLines(body: string): { depth: number; line: number }[] {
  const result: { depth: number; line: number }[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((text, i) => {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]![0];
      else if (fenceMatch[1]![0] === fence) fence = undefined;
      return;
    }
    if (fence) return;
    const match = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(text);
    if (match) result.push({ depth: match[1]!.length, line: i + 1 });
  });
  return result;
}

/** Checks one content file on its own. Cross-file rules (languages, anchors) come after. */
export function checkDocument(
  file: string,
  source: string,
  kind: DocKind,
  lang: Lang,
  entry: Pick<ContentPackEntry, 'requiredSections' | 'requiredLink'> = { requiredSections: [] },
): { doc: CheckedDoc; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, message });
  const doc: CheckedDoc = { file, kind, lang, sections: [], headings: [], anchors: [] };

  // Front matter: shape, then the zod rules, each problem on the line of its field.
  try {
    doc.split = splitFrontMatter(source);
  } catch (error) {
    if (error instanceof FrontMatterError) report(error.line, `front matter: ${error.message}`);
    else throw error;
    return { doc, problems };
  }
  const split = doc.split;
  if (!split.hasFrontMatter) {
    report(1, 'front matter is missing: start the file with --- then title, description, lang, lastReviewed, reviewer, sources, then ---');
  } else {
    const result = FrontMatterSchema.safeParse(split.data);
    if (result.success) {
      doc.frontMatter = result.data;
      if (result.data.lang !== lang)
        report(split.lines.get('lang') ?? 1, `front matter field "lang" is "${result.data.lang}" but the file is in the ${lang}/ folder`);
      const ids = new Set<string>();
      result.data.sources.forEach((s, i) => {
        if (ids.has(s.id)) report(split.lines.get(`sources.${i}.id`) ?? 1, `front matter field "sources.${i}.id": "${s.id}" is used twice`);
        ids.add(s.id);
      });
    } else {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String);
        let line = 1;
        for (let n = path.length; n > 0; n--) {
          const found = split.lines.get(path.slice(0, n).join('.'));
          if (found) {
            line = found;
            break;
          }
        }
        const field = path.join('.') || '(front matter)';
        const got =
          issue.code === 'invalid_type' && issue.input === undefined
            ? 'it is missing'
            : issue.code === 'unrecognized_keys'
              ? `unknown field(s) ${issue.keys.join(', ')}`
              : undefined;
        report(line, `front matter field "${field}": expected ${issue.message}${got ? ` (${got})` : ''}`);
      }
    }
  }

  const body = split.body;
  const offset = split.bodyLineOffset;
  const fileLine = (bodyLine: number) => bodyLine + offset;
  if (!body.trim()) {
    report(offset + 1, 'the file has no content after its front matter');
    return { doc, problems };
  }

  // Headings: ids, uniqueness, and explicit {#id} on sections (en and es must share them).
  const { headings } = renderMarkdown(body);
  doc.headings = headings;
  const lines = headingLines(body);
  const seen = new Map<string, number>();
  headings.forEach((heading, i) => {
    const line = fileLine(lines[i]?.line ?? 1);
    if (seen.has(heading.id))
      report(line, `heading id "${heading.id}" is already used on line ${seen.get(heading.id)}; ids must be unique`);
    seen.set(heading.id, line);
    if (heading.explicitId && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(heading.id))
      report(line, `heading id {#${heading.id}} should be lower-case-with-dashes`);
    if (heading.depth === 1) report(line, 'use ## for sections: the page that embeds the content has its own title (# is reserved for it)');
    if (heading.depth === 2) {
      doc.sections.push({ id: heading.id, line, explicit: heading.explicitId });
      if (!heading.explicitId)
        report(line, `section "${heading.text}" needs an id: end the heading with {#some-id} (the same id in every language)`);
    }
    if (!heading.text) report(line, 'empty heading');
  });

  // Every section has content; a question has an answer.
  doc.sections.forEach((section, i) => {
    const start = section.line - offset;
    const end = doc.sections[i + 1] ? doc.sections[i + 1]!.line - offset - 1 : body.split('\n').length;
    const text = body.split('\n').slice(start, end).join('\n').trim();
    if (!text) report(section.line, kind === 'faq' ? `question "${section.id}" has no answer` : `section "${section.id}" is empty`);
  });

  // Links, images, raw HTML: walk the tokens, finding each one's line in the source.
  const { marked } = createMarked();
  const tokens = marked.lexer(body);
  let cursor = 0;
  const locate = (raw: string): number => {
    let at = body.indexOf(raw, cursor);
    if (at === -1) at = body.indexOf(raw);
    if (at === -1) at = body.indexOf(raw.split('\n')[0] ?? raw, cursor);
    if (at === -1) return fileLine(lineOf(body, cursor));
    cursor = at;
    return fileLine(lineOf(body, at));
  };
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type === 'paragraph' || token.type === 'heading' || token.type === 'list_item' || token.type === 'table') locate(token.raw);
    if (token.type === 'link') {
      const link = token as Tokens.Link;
      const line = locate(link.raw);
      const href = link.href.trim();
      if (link.autolink && /^mailto:/.test(href)) return;
      if (href === BOOKING_PLACEHOLDER || href === CTA_HREF) return;
      if (href.startsWith('#')) doc.anchors.push({ href, line });
      // `sms:988?&body=AYUDA`: a number, optionally with a pre-filled word (the Lifeline's Spanish text keyword).
      else if (/^(tel|sms):\+?[\d-]+$/.test(href) || /^sms:\d+\?&body=[A-Za-z]+$/.test(href)) return;
      else if (!/^https:\/\/[^\s/]+\.[^\s/]+/.test(href))
        report(line, `link "${href}" must be an https:// URL, a #section-id, ${BOOKING_PLACEHOLDER}, or tel:/sms: for a phone number`);
      if (!link.text.trim()) report(line, `link to "${href}" has no text`);
    } else if (token.type === 'image') {
      const image = token as Tokens.Image;
      const line = locate(image.raw);
      const alt = image.text.trim();
      if (!alt) report(line, `image "${image.href}" has no alt text: describe it in the brackets, ![like this](${image.href})`);
      else if (/\.(png|jpe?g|gif|webp|avif|svg)$/i.test(alt) || /^(image|img|photo|picture)$/i.test(alt))
        report(line, `image alt text "${alt}" does not describe the image`);
      if (!/^https:\/\//.test(image.href)) report(line, `image "${image.href}" must be an https:// URL`);
    } else if (token.type === 'html') {
      const html = token as Tokens.HTML;
      const line = locate(html.raw);
      if (!/^\s*<!--[\s\S]*-->\s*$/.test(html.raw))
        report(
          line,
          `raw HTML "${html.raw.trim().slice(0, 40)}" is not allowed in content files: write Markdown (the widget would remove it)`,
        );
    }
  });

  // Placeholders: known keys only, the booking link only as a link target, sections balanced per block.
  const paragraphs = body.split(/\n[ \t>]*\n/);
  let paragraphStart = 0;
  for (const paragraph of paragraphs) {
    const open: { key: string; index: number }[] = [];
    for (const match of paragraph.matchAll(/\{\{\s*([#/]?)\s*([^}]*?)\s*\}\}/g)) {
      const [whole, mode, key] = match;
      const index = paragraphStart + match.index;
      const line = fileLine(lineOf(body, index));
      if (!(PLACEHOLDER_KEYS as readonly string[]).includes(key!)) {
        report(line, `unknown placeholder ${whole}: use one of ${PLACEHOLDER_KEYS.map((k) => `{{${k}}}`).join(', ')}`);
        continue;
      }
      if (key === 'brand.bookingUrl' && !mode && body.slice(index - 2, index) !== '](')
        report(line, `${whole} can only be a link target: [book a consultation](${BOOKING_PLACEHOLDER})`);
      if (mode === '#') open.push({ key: key!, index });
      if (mode === '/') {
        const last = open.pop();
        if (!last || last.key !== key) report(line, `${whole} closes a section that was not opened in the same paragraph`);
      }
    }
    for (const left of open)
      report(fileLine(lineOf(body, left.index)), `{{#${left.key}}} is not closed by {{/${left.key}}} in the same paragraph`);
    paragraphStart += paragraph.length + (body.slice(paragraphStart + paragraph.length).match(/^\n[ \t>]*\n/)?.[0].length ?? 0);
  }

  // What the pack's manifest requires: sections an editor may add to but not remove, and the call to action.
  const ids = new Set(doc.sections.map((s) => s.id));
  for (const id of entry.requiredSections) {
    if (!ids.has(id))
      report(
        offset + 1,
        `${kind === 'guide' ? 'required section' : 'required question'} "${id}" is missing (add a ## heading ending with {#${id}})`,
      );
  }
  if (entry.requiredLink && !body.includes(`](${entry.requiredLink})`))
    report(
      offset + 1,
      entry.requiredLink === CTA_HREF
        ? `the ${kind} has no call to action: link to ${CTA_HREF} (for example in its last section)`
        : `the ${kind} has no link to ${entry.requiredLink}, which the pack's manifest requires`,
    );
  return { doc, problems };
}

/**
 * Cross-file rules: every language has the same sections/questions as the first one, in the same
 * order; anchors resolve.
 */
export function checkSet(docs: CheckedDoc[], first: Lang = 'en'): Problem[] {
  const problems: Problem[] = [];
  for (const kind of DOCS) {
    // A file whose front matter could not be read has no sections to compare: its own problem says why.
    const en = docs.find((d) => d.kind === kind && d.lang === first && d.split);
    for (const other of docs.filter((d) => d.kind === kind && d.lang !== first && d.split)) {
      if (!en) continue;
      const enIds = en.sections.map((s) => s.id);
      const ids = other.sections.map((s) => s.id);
      for (const section of en.sections) {
        if (!ids.includes(section.id)) {
          problems.push({
            file: other.file,
            line: other.split?.bodyLineOffset ? other.split.bodyLineOffset + 1 : 1,
            message: `${kind === 'faq' ? 'question' : 'section'} {#${section.id}} is in ${en.file}:${section.line} but missing here`,
          });
        }
      }
      for (const section of other.sections) {
        if (!enIds.includes(section.id))
          problems.push({
            file: other.file,
            line: section.line,
            message: `${kind === 'faq' ? 'question' : 'section'} {#${section.id}} is not in ${en.file}: every language has the same ids`,
          });
      }
      const common = enIds.filter((id) => ids.includes(id));
      const otherCommon = ids.filter((id) => enIds.includes(id));
      const firstOff = otherCommon.findIndex((id, i) => id !== common[i]);
      if (firstOff !== -1) {
        const section = other.sections.find((s) => s.id === otherCommon[firstOff])!;
        problems.push({
          file: other.file,
          line: section.line,
          message: `{#${section.id}} is out of order: keep the order of ${en.file} (${common.join(', ')})`,
        });
      }
    }
  }
  for (const doc of docs) {
    const own = new Set(doc.headings.map((h) => h.id));
    const faq = docs.find((d) => d.kind === 'faq' && d.lang === doc.lang);
    const faqIds = new Set(faq?.sections.map((s) => `faq-${s.id}`));
    for (const anchor of doc.anchors) {
      const id = decodeURIComponent(anchor.href.slice(1));
      if (!own.has(id) && !faqIds.has(id))
        problems.push({
          file: doc.file,
          line: anchor.line,
          message: `link "${anchor.href}" points to no heading in this file (ids here: ${[...own].join(', ')})`,
        });
    }
  }
  return problems;
}

export interface ContentSet {
  /** The pack's manifest; undefined when it is missing or invalid (a problem says why). */
  manifest?: ContentPackManifest;
  docs: CheckedDoc[];
  sources: Map<string, string>;
  problems: Problem[];
}

/** The line of `"key"` in a JSON file (1 when it is not found). */
function jsonLine(text: string, path: string): number {
  const key = path
    .split('.')
    .reverse()
    .find((part) => !/^\d+$/.test(part));
  const at = key ? text.indexOf(`"${key}"`) : -1;
  return at === -1 ? 1 : lineOf(text, at);
}

/** Reads and validates `<pack>/manifest.json`. */
export function readManifest(
  packDir: string,
  display: (path: string) => string = (p) => p,
): { manifest?: ContentPackManifest; problems: Problem[] } {
  const path = join(packDir, MANIFEST_FILE);
  const file = display(path);
  if (!existsSync(path))
    return { problems: [{ file, line: 1, message: 'the pack has no manifest.json (id, title, languages, guide/faq, reviewer)' }] };
  const text = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file, line: 1, message: `manifest.json is not valid JSON: ${(error as Error).message}` }] };
  }
  const problems = manifestProblems(json).map((p) => ({
    file,
    line: jsonLine(text, p.path),
    message: `manifest field "${p.path}": expected ${p.message}`,
  }));
  return problems.length ? { problems } : { manifest: parseManifest(json), problems };
}

/** The documents a manifest lists, in check order. */
export function packEntries(manifest: ContentPackManifest): [DocKind, ContentPackEntry][] {
  return DOCS.flatMap((kind): [DocKind, ContentPackEntry][] => (manifest[kind] ? [[kind, manifest[kind]]] : []));
}

/**
 * Reads and checks a content pack: its `manifest.json`, then `content/<lang>/<file>` for every
 * language and document the manifest lists. `display` turns a path into what editors see.
 */
export function checkPack(packDir: string, display: (path: string) => string = (p) => p): ContentSet {
  const { manifest, problems } = readManifest(packDir, display);
  const docs: CheckedDoc[] = [];
  const sources = new Map<string, string>();
  if (!manifest) return { docs, sources, problems };
  const dir = join(packDir, CONTENT_FOLDER);
  const entries = packEntries(manifest);
  for (const lang of manifest.languages) {
    for (const [kind, entry] of entries) {
      const path = join(dir, lang, entry.file);
      if (!existsSync(path)) {
        problems.push({
          file: display(path),
          line: 1,
          message: `file is missing: every language needs ${entries.map(([, e]) => e.file).join(' and ')}`,
        });
        continue;
      }
      const source = readFileSync(path, 'utf8');
      sources.set(path, source);
      const result = checkDocument(display(path), source, kind, lang, entry);
      docs.push(result.doc);
      problems.push(...result.problems);
    }
  }
  if (existsSync(dir)) {
    for (const folder of readdirSync(dir, { withFileTypes: true })) {
      if (folder.isDirectory() && !(manifest.languages as readonly string[]).includes(folder.name)) {
        problems.push({
          file: display(join(dir, folder.name)),
          line: 1,
          message: `unknown language folder "${folder.name}": the pack has ${manifest.languages.join(', ')}`,
        });
      }
    }
  }
  problems.push(...checkSet(docs, manifest.languages[0]));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { manifest, docs, sources, problems };
}

export const formatProblem = (p: Problem): string => `${p.file}:${p.line}: ${p.message}`;
