/**
 * Text hygiene for what strangers send: control characters out of stored text, client-chosen
 * keys out of logs, formulas out of CSV cells.
 */

// C0 controls except tab and line feed, DEL, and C1 controls. CR goes too: CRLF becomes LF first.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes control characters (NUL, ESC, CR, …) from one string; CRLF and lone CR become LF. */
export function stripControl(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** `stripControl` applied to every string (and object key) of a parsed JSON value. */
export function stripControlDeep(value: unknown): unknown {
  if (typeof value === 'string') return stripControl(value);
  if (Array.isArray(value)) return value.map(stripControlDeep);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[stripControl(key)] = stripControlDeep(inner);
    return out;
  }
  return value;
}

// Field names of the lead schema: a path segment that is not one of these (nor a small index) was
// chosen by the client, e.g. a key of `answers.history`, and is masked before it reaches a log.
const KNOWN_FIELDS = new Set([
  'schemaVersion',
  'idempotencyKey',
  'createdAt',
  'widget',
  'kind',
  'urgent',
  'contact',
  'name',
  'email',
  'phone',
  'state',
  'preferredContact',
  'consent',
  'given',
  'text',
  'version',
  'timestamp',
  'source',
  'url',
  'referrer',
  'utm',
  'medium',
  'campaign',
  'term',
  'content',
  'gclid',
  'fbclid',
  'summary',
  'type',
  'instrument',
  'score',
  'cutPoint',
  'positive',
  'reviewItemCount',
  'candidacy',
  'provisionalDiagnosis',
  'outcome',
  'payerId',
  'answers',
  'pcPtsd5',
  'exposure',
  'items',
  'pcl5',
  'phq9Item9',
  'history',
  'reviewItems',
  'locale',
]);
/** Fields whose keys are chosen by the client (records). */
const RECORD_FIELDS = new Set(['history']);

/**
 * A validation path safe to log: schema field names and indexes stay, anything else (a key the
 * client chose, however long) becomes `*`. `answers.history.<2,000 characters>` → `answers.history.*`.
 */
export function maskPath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('.').slice(0, 8)) {
    const previous = out.at(-1);
    if (previous !== undefined && RECORD_FIELDS.has(previous)) out.push('*');
    else if (/^\d{1,4}$/.test(segment) || KNOWN_FIELDS.has(segment)) out.push(segment);
    else out.push('*');
  }
  return out.join('.') || '*';
}

/** A path for the client's own response: theirs to read, but bounded. */
export function boundPath(path: string): string {
  const clean = stripControl(path);
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

/**
 * One CSV cell (RFC 4180), neutralised against formula injection: a cell a spreadsheet would
 * read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
