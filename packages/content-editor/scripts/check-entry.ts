/**
 * The save check: `hearth-content check`'s own rules (checkDocument + checkSet from
 * @hearth/content/check) run on the files an editor is about to save, with the pack's other files
 * read from disk, so that a section missing in one language or an anchor into the FAQ is caught.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, checkSet, packEntries, readManifest, type CheckedDoc, type DocKind } from '@hearth/content/check';
import { contentPath, LANGUAGE_NAMES, type EditablePack } from './packs.js';

export interface EditorProblem {
  /** Path under the root, e.g. `packages/content-ptsd/content/es/faq.md`. */
  file: string;
  lang: string;
  kind: DocKind;
  /** The form field it belongs to: a front-matter key, `body`, or `file` when it is about the whole file. */
  field: string;
  /** Line in the file. */
  line: number;
  /** Line inside the field's text box (for `body`), counted as the editor shows it. */
  fieldLine?: number;
  message: string;
}

const KIND_NAMES: Record<DocKind, string> = { guide: 'guide', faq: 'FAQ' };

/** Which form field a problem on `line` of `doc` belongs to. */
function locate(doc: CheckedDoc | undefined, line: number, message: string): Pick<EditorProblem, 'field' | 'fieldLine'> {
  const named = /front matter field "([^"]+)"/.exec(message)?.[1];
  if (named && named !== '(front matter)') return { field: named.split('.')[0]! };
  const split = doc?.split;
  if (!split) return { field: 'file' };
  if (line > split.bodyLineOffset) {
    // The editor shows the text without the blank lines that follow the front matter.
    const blank = /^\n*/.exec(split.body)![0].length;
    return { field: 'body', fieldLine: Math.max(1, line - split.bodyLineOffset - blank) };
  }
  let best: string | undefined;
  for (const [path, at] of split.lines) if (at === line && (!best || path.length > best.length)) best = path;
  return { field: best ? best.split('.')[0]! : 'file' };
}

/**
 * The checker's message in an editor's words: a pack file named by its language and kind ("the
 * English FAQ (line 40)") rather than by its path in the repository.
 */
function forEditors(message: string, byFile: ReadonlyMap<string, { lang: string; kind: DocKind }>): string {
  return message.replace(/(packages\/[\w.-]+\/content\/[\w-]+\/[\w.-]+\.md)(?::(\d+))?/g, (whole, file: string, line?: string) => {
    const info = byFile.get(file);
    if (!info) return whole;
    const name = `the ${LANGUAGE_NAMES[info.lang] ?? info.lang} ${KIND_NAMES[info.kind]}`;
    return line ? `${name} (line ${line})` : name;
  });
}

/** Where a problem is, in words an editor understands: "Spanish FAQ, text line 12" (or "text" for something missing). */
export function describeProblem(p: EditorProblem): string {
  const where = `${LANGUAGE_NAMES[p.lang] ?? p.lang} ${KIND_NAMES[p.kind]}`;
  const text = p.fieldLine ? `text line ${p.fieldLine}` : 'text';
  const field = p.field === 'body' ? text : p.field === 'file' ? `line ${p.line}` : `field "${p.field}"`;
  return `${where}, ${field}: ${p.message}`;
}

/**
 * Checks a pack as it would be with `changed` (path under root → file text) written, and returns
 * the problems in the changed files only (a problem elsewhere in the pack does not block this save).
 */
export function checkChangedFiles(root: string, pack: EditablePack, changed: Map<string, string>): EditorProblem[] {
  const { manifest, problems: manifestProblems } = readManifest(join(root, pack.dir));
  if (!manifest)
    return manifestProblems.map((p) => ({
      file: `${pack.dir}/manifest.json`,
      lang: '',
      kind: 'guide',
      field: 'file',
      line: p.line,
      message: p.message,
    }));
  const docs: CheckedDoc[] = [];
  const found: { problem: { file: string; line: number; message: string }; lang: string; kind: DocKind }[] = [];
  const byFile = new Map<string, { lang: string; kind: DocKind }>();
  for (const lang of manifest.languages) {
    for (const [kind, entry] of packEntries(manifest)) {
      const file = contentPath(pack, lang, { kind, file: entry.file, name: '' });
      byFile.set(file, { lang, kind });
      const absolute = join(root, file);
      const source = changed.get(file) ?? (existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined);
      if (source === undefined) continue;
      const result = checkDocument(file, source, kind, lang, entry);
      docs.push(result.doc);
      for (const problem of result.problems) found.push({ problem, lang, kind });
    }
  }
  for (const problem of checkSet(docs, manifest.languages[0])) {
    const info = byFile.get(problem.file);
    if (info) found.push({ problem, ...info });
  }
  return found
    .filter(({ problem }) => changed.has(problem.file))
    .map(({ problem, lang, kind }) => {
      const where = locate(
        docs.find((d) => d.file === problem.file),
        problem.line,
        problem.message,
      );
      // Something missing (a question, a section) has no line of its own in the text box.
      if (/\bmissing\b/.test(problem.message)) delete where.fieldLine;
      return { file: problem.file, lang, kind, line: problem.line, message: forEditors(problem.message, byFile), ...where };
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
