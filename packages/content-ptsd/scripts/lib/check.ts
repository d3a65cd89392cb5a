import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Token, Tokens } from 'marked';
import { PLACEHOLDER_KEYS } from '../../src/allow-list.js';
import { FrontMatterError, splitFrontMatter, type SplitDocument } from '../../src/markdown/front-matter.js';
import { BOOKING_PLACEHOLDER, CTA_HREF, createMarked, renderMarkdown, type RenderedHeading } from '../../src/markdown/render.js';
import { FrontMatterSchema, type ValidFrontMatter } from './schema.js';

export const LANGS = ['en', 'es'] as const;
export const DOCS = ['guide', 'faq'] as const;
export type Lang = (typeof LANGS)[number];
export type DocKind = (typeof DOCS)[number];

/** Sections the guide must keep (issue 3): an editor may add more, not remove these. */
export const REQUIRED_GUIDE_SECTIONS = [
  'what-is-ptsd',
  'standard-treatments',
  'how-ketamine-works',
  'what-the-evidence-shows',
  'side-effects-and-safety',
  'at-home-program',
  'is-it-right-for-me',
] as const;

/** Questions the FAQ must keep: the five the seed article answers, then what patients ask next. */
export const REQUIRED_FAQ_QUESTIONS = [
  'is-it-legal',
  'how-fast-does-it-work',
  'how-long-do-effects-last',
  'side-effects',
  'insurance',
  'cost',
  'evaluation',
  'current-medications',
  'addiction-risk',
  'if-it-does-not-help',
  'veterans',
] as const;

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
export function checkDocument(file: string, source: string, kind: DocKind, lang: Lang): { doc: CheckedDoc; problems: Problem[] } {
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
      else if (/^(tel|sms):\+?[\d-]+$/.test(href)) return;
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

  // What the product needs from the default pack.
  const ids = new Set(doc.sections.map((s) => s.id));
  const required = kind === 'guide' ? REQUIRED_GUIDE_SECTIONS : REQUIRED_FAQ_QUESTIONS;
  for (const id of required) {
    if (!ids.has(id))
      report(
        offset + 1,
        `${kind === 'guide' ? 'required section' : 'required question'} "${id}" is missing (add a ## heading ending with {#${id}})`,
      );
  }
  if (kind === 'guide' && !body.includes(`](${CTA_HREF})`))
    report(offset + 1, `the guide has no call to action: link to ${CTA_HREF} (for example in "Is it right for me?")`);
  return { doc, problems };
}

/** Cross-file rules: both languages have the same sections/questions in the same order; anchors resolve. */
export function checkSet(docs: CheckedDoc[]): Problem[] {
  const problems: Problem[] = [];
  for (const kind of DOCS) {
    // A file whose front matter could not be read has no sections to compare: its own problem says why.
    const en = docs.find((d) => d.kind === kind && d.lang === 'en' && d.split);
    for (const other of docs.filter((d) => d.kind === kind && d.lang !== 'en' && d.split)) {
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
  docs: CheckedDoc[];
  sources: Map<string, string>;
  problems: Problem[];
}

/** Reads and checks `dir/{en,es}/{guide,faq}.md`. `display` turns a path into what editors see. */
export function checkContentDir(dir: string, display: (path: string) => string = (p) => p): ContentSet {
  const problems: Problem[] = [];
  const docs: CheckedDoc[] = [];
  const sources = new Map<string, string>();
  for (const lang of LANGS) {
    for (const kind of DOCS) {
      const path = join(dir, lang, `${kind}.md`);
      if (!existsSync(path)) {
        problems.push({
          file: display(path),
          line: 1,
          message: `file is missing: every language needs ${DOCS.map((d) => `${d}.md`).join(' and ')}`,
        });
        continue;
      }
      const source = readFileSync(path, 'utf8');
      sources.set(path, source);
      const result = checkDocument(display(path), source, kind, lang);
      docs.push(result.doc);
      problems.push(...result.problems);
    }
  }
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !(LANGS as readonly string[]).includes(entry.name)) {
        problems.push({
          file: display(join(dir, entry.name)),
          line: 1,
          message: `unknown language folder "${entry.name}": the pack has ${LANGS.join(', ')}`,
        });
      }
    }
  }
  problems.push(...checkSet(docs));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { docs, sources, problems };
}

export const formatProblem = (p: Problem): string => `${p.file}:${p.line}: ${p.message}`;
