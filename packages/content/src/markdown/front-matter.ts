/**
 * Front matter: the block between `---` lines at the top of a Markdown file.
 *
 * This reads the small YAML subset content files use (maps, lists, plain and quoted strings,
 * `[a, b]` lists, comments) and records the line of every key, so that a problem can be
 * reported as `file:line`. It is deliberately not a YAML library: the same code runs at build
 * time and, for `src` Markdown, on a phone, where a full YAML parser would cost ~30 KB.
 * Anything outside the subset (anchors, block scalars, tags, flow maps) is an error with its line.
 */

export type FrontMatterValue = string | FrontMatterValue[] | { [key: string]: FrontMatterValue };

export class FrontMatterError extends Error {
  /** 1-based line in the file. */
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'FrontMatterError';
    this.line = line;
  }
}

export interface SplitDocument {
  /** Parsed front matter; empty when the file has none. */
  data: Record<string, FrontMatterValue>;
  /** Line of each key path ("reviewer.name", "sources.0.url"), 1-based in the file. */
  lines: Map<string, number>;
  /** True when the file starts with a front matter block. */
  hasFrontMatter: boolean;
  /** The Markdown after the front matter. */
  body: string;
  /** How many lines precede `body` in the file (add it to a body line to get a file line). */
  bodyLineOffset: number;
}

interface Line {
  indent: number;
  text: string;
  /** 1-based line in the file. */
  number: number;
}

/** Splits a Markdown file into its front matter (parsed) and body. Throws FrontMatterError. */
export function splitFrontMatter(source: string): SplitDocument {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const all = text.split('\n');
  if (all[0]?.trim() !== '---') return { data: {}, lines: new Map(), hasFrontMatter: false, body: text, bodyLineOffset: 0 };
  const end = all.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1) throw new FrontMatterError('front matter is not closed: add a line with --- after it', 1);
  const lines: Line[] = [];
  for (let i = 1; i < end; i++) {
    const raw = all[i] ?? '';
    if (/^\s*(#|$)/.test(raw)) continue;
    if (/^ *\t/.test(raw)) throw new FrontMatterError('front matter is indented with a tab: use spaces', i + 1);
    const indent = raw.length - raw.trimStart().length;
    lines.push({ indent, text: raw.trimEnd().slice(indent), number: i + 1 });
  }
  const keyLines = new Map<string, number>();
  const parser = new Parser(lines, keyLines);
  const data = lines.length ? parser.parseBlock(0, '') : {};
  if (Array.isArray(data) || typeof data === 'string')
    throw new FrontMatterError('front matter must be a list of "key: value" lines', lines[0]?.number ?? 2);
  return { data, lines: keyLines, hasFrontMatter: true, body: all.slice(end + 1).join('\n'), bodyLineOffset: end + 1 };
}

class Parser {
  #i = 0;
  readonly #lines: Line[];
  readonly #keyLines: Map<string, number>;

  constructor(lines: Line[], keyLines: Map<string, number>) {
    this.#lines = lines;
    this.#keyLines = keyLines;
  }

  /** Parses the block starting at the current line, whose lines are indented exactly `indent`. */
  parseBlock(indent: number, path: string): FrontMatterValue {
    const first = this.#lines[this.#i];
    if (!first) return '';
    if (first.indent !== indent) throw new FrontMatterError('unexpected indentation', first.number);
    return first.text.startsWith('- ') || first.text === '-' ? this.#parseList(indent, path) : this.#parseMap(indent, path);
  }

  #parseMap(indent: number, path: string): Record<string, FrontMatterValue> {
    const map: Record<string, FrontMatterValue> = {};
    while (this.#i < this.#lines.length) {
      const line = this.#lines[this.#i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw new FrontMatterError('unexpected indentation', line.number);
      const match = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line.text);
      if (!match) {
        if (line.text.startsWith('- ')) throw new FrontMatterError('a list item where a "key: value" line was expected', line.number);
        throw new FrontMatterError(`cannot read "${line.text}": expected "key: value"`, line.number);
      }
      const key = match[1]!;
      const keyPath = path ? `${path}.${key}` : key;
      if (Object.hasOwn(map, key)) throw new FrontMatterError(`"${keyPath}" is set twice`, line.number);
      this.#keyLines.set(keyPath, line.number);
      this.#i++;
      const rest = match[2]?.trim() ?? '';
      if (rest === '' || rest.startsWith('#')) {
        const next = this.#lines[this.#i];
        // A nested block, or a list written at the same indentation as its key (valid YAML).
        if (next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- '))))
          map[key] = this.parseBlock(next.indent, keyPath);
        else map[key] = '';
      } else {
        map[key] = readScalarOrFlow(rest, line.number);
      }
    }
    return map;
  }

  #parseList(indent: number, path: string): FrontMatterValue[] {
    const list: FrontMatterValue[] = [];
    while (this.#i < this.#lines.length) {
      const line = this.#lines[this.#i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw new FrontMatterError('unexpected indentation', line.number);
      if (!(line.text.startsWith('- ') || line.text === '-')) break;
      const itemPath = `${path}.${list.length}`;
      this.#keyLines.set(itemPath, line.number);
      const rest = line.text.slice(1).trim();
      const innerIndent = indent + (line.text.length - line.text.slice(1).trimStart().length);
      if (rest === '') {
        this.#i++;
        const next = this.#lines[this.#i];
        list.push(next && next.indent > indent ? this.parseBlock(next.indent, itemPath) : '');
      } else if (/^[A-Za-z_][\w-]*\s*:(\s|$)/.test(rest)) {
        // "- key: value" starts a map whose other keys are indented to line up with "key".
        this.#lines[this.#i] = { indent: innerIndent, text: rest, number: line.number };
        list.push(this.#parseMap(innerIndent, itemPath));
      } else {
        this.#i++;
        list.push(readScalarOrFlow(rest, line.number));
      }
    }
    return list;
  }
}

function readScalarOrFlow(text: string, line: number): FrontMatterValue {
  if (text.startsWith('[')) return readFlowList(text, line);
  const { value, rest } = readScalar(text, line);
  if (rest.trim() && !rest.trim().startsWith('#')) throw new FrontMatterError(`unexpected text after the value: "${rest.trim()}"`, line);
  return value;
}

function readFlowList(text: string, line: number): string[] {
  const items: string[] = [];
  let rest = text.slice(1).trim();
  while (!rest.startsWith(']')) {
    if (!rest) throw new FrontMatterError('a [list] is not closed with ]', line);
    const { value, rest: after } = readScalar(rest, line, ',]');
    items.push(value);
    rest = after.trim();
    if (rest.startsWith(',')) rest = rest.slice(1).trim();
    else if (!rest.startsWith(']')) throw new FrontMatterError('items of a [list] are separated by commas', line);
  }
  if (rest.slice(1).trim() && !rest.slice(1).trim().startsWith('#')) throw new FrontMatterError('unexpected text after ]', line);
  return items;
}

/** Reads one scalar; `stops` are the characters that end a plain scalar (inside a flow list). */
function readScalar(text: string, line: number, stops = ''): { value: string; rest: string } {
  const first = text[0];
  if (first === '"') {
    let value = '';
    for (let i = 1; i < text.length; i++) {
      const c = text[i]!;
      if (c === '"') return { value, rest: text.slice(i + 1) };
      if (c !== '\\') {
        value += c;
        continue;
      }
      const next = text[++i];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };
      if (next !== undefined && next in simple) value += simple[next];
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
        value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else throw new FrontMatterError(`unknown escape "\\${next ?? ''}" in a quoted string`, line);
    }
    throw new FrontMatterError('a "quoted string" is not closed', line);
  }
  if (first === "'") {
    let value = '';
    for (let i = 1; i < text.length; i++) {
      const c = text[i]!;
      if (c === "'" && text[i + 1] === "'") {
        value += "'";
        i++;
      } else if (c === "'") return { value, rest: text.slice(i + 1) };
      else value += c;
    }
    throw new FrontMatterError("a 'quoted string' is not closed", line);
  }
  if (first !== undefined && '&*!|>%@`{'.includes(first)) {
    throw new FrontMatterError(`"${first}" starts YAML syntax that content files do not support: put the value in "double quotes"`, line);
  }
  let end = text.length;
  const comment = text.search(/\s#/);
  if (comment !== -1) end = comment;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at !== -1 && at < end) end = at;
  }
  const value = text.slice(0, end).trim();
  if (/:\s/.test(value)) throw new FrontMatterError(`"${value}" contains ": ": put the value in "double quotes"`, line);
  return { value, rest: text.slice(end) };
}
