/**
 * How the editor reads and writes a content file. Decap's own front-matter format goes through a
 * full YAML library that folds long lines and drops the quotes, which the content checker's small
 * YAML subset cannot read back. This format reads a file exactly as `hearth-content check` does
 * (the same `splitFrontMatter`) and writes it back in the packs' house style, so that saving an
 * untouched entry changes nothing on disk and a changed answer is a one-line diff.
 *
 * It runs in the browser (as a Decap custom format) and in Node (the save check on the server).
 */
import { splitFrontMatter, type FrontMatterValue } from '@hearth/content/markdown';

/** Front-matter keys in the order the packs write them (top level, then nested); other keys follow in their own order. */
const TOP_ORDER = ['title', 'description', 'lang', 'lastReviewed', 'reviewer', 'sources'];
const NESTED_ORDER = ['id', 'name', 'credentials', 'title', 'url'];

export type EntryValue = string | number | boolean | null | undefined | EntryValue[] | { [key: string]: EntryValue };
export type EntryData = { [key: string]: EntryValue } & { body?: string };

/** Reads a content file into Decap's entry data: the front matter's fields plus `body`. */
export function parseContentFile(raw: string): EntryData {
  const split = splitFrontMatter(raw);
  // One blank line separates the front matter from the text; the editor shows the text alone.
  return { ...(split.data as EntryData), body: split.body.replace(/^\n+/, '') };
}

const PLAIN = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*|\d{4}-\d{2}-\d{2})$/i;
const YAML_WORDS = /^(?:true|false|yes|no|on|off|null|~|[-+]?\d+(?:\.\d+)?)$/i;

function scalar(value: string): string {
  if (PLAIN.test(value) && !YAML_WORDS.test(value)) return value;
  // Single quotes as the packs write them; double quotes when the text has an apostrophe or a line break.
  if (!value.includes("'") && !/[\n\r\t]/.test(value)) return `'${value}'`;
  if (!/[\n\r\t]/.test(value) && !value.includes('"') && !value.includes('\\')) return `"${value}"`;
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** An empty form field is an absent key (an empty `credentials: ''` would fail the check). */
const isEmpty = (value: EntryValue): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && !value.trim()) ||
  (Array.isArray(value) && value.every(isEmpty)) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.values(value).every(isEmpty));

function orderedKeys(map: { [key: string]: EntryValue }, top = false): string[] {
  const order = top ? TOP_ORDER : NESTED_ORDER;
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.keys(map)
    .filter((key) => !isEmpty(map[key]))
    .sort((a, b) => rank(a) - rank(b));
}

function emit(value: EntryValue, indent: string, out: string[], prefix: string): void {
  if (Array.isArray(value)) {
    for (const item of value.filter((v) => !isEmpty(v))) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        // "- key: value", the item's other keys lined up under the first one.
        const keys = orderedKeys(item);
        keys.forEach((key, i) => emitKey(key, item[key], `${indent}  `, out, i === 0 ? `${indent}- ` : `${indent}  `));
      } else out.push(`${indent}- ${scalar(String(item))}`);
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of orderedKeys(value, indent === '')) emitKey(key, value[key], indent, out, indent);
    return;
  }
  out.push(`${prefix}${scalar(String(value))}`);
}

function emitKey(key: string, value: EntryValue, indent: string, out: string[], prefix: string): void {
  if (value !== null && typeof value === 'object') {
    out.push(`${prefix}${key}:`);
    emit(value, Array.isArray(value) ? `${indent}  ` : `${indent}  `, out, '');
  } else out.push(`${prefix}${key}: ${scalar(String(value))}`);
}

/** Writes entry data back as a content file: house-style front matter, one blank line, the text. */
export function serializeContentFile(data: EntryData): string {
  const { body = '', ...fields } = data;
  const lines: string[] = [];
  emit(fields as FrontMatterValue as EntryValue, '', lines, '');
  const text = String(body).replace(/\r\n?/g, '\n').replace(/^\n+/, '');
  return `---\n${lines.join('\n')}\n---\n\n${text}`;
}
