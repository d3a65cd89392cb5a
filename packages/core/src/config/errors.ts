import type * as z from 'zod/mini';

/** One invalid field: where it is, what it held and what was expected. */
export interface ConfigIssue {
  path: string;
  received: unknown;
  expected: string;
  /** True when `expected` is a whole sentence about the problem (a custom rule), not what was expected. */
  custom?: boolean;
  /** Which layer supplied the bad value, e.g. `Hearth.configure()` or `<hearth-provider config-src="/clinic.json">`. */
  source: string;
}

/** A config that failed validation. `message` reads as one sentence per field. */
export class HearthConfigError extends Error {
  override readonly name = 'HearthConfigError';
  readonly issues: readonly ConfigIssue[];
  constructor(issues: readonly ConfigIssue[]) {
    super(
      'Invalid Hearth config: ' +
        issues
          .map((i) =>
            i.custom
              ? `${i.path}: ${i.expected} (from ${i.source})`
              : `${i.path} is ${describeValue(i.received)} (from ${i.source}), expected ${i.expected}`,
          )
          .join('; ') +
        '.',
    );
    this.issues = issues;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  json ??= String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** A named source of config, lowest precedence first when passed as a list. */
export interface ConfigLayer {
  readonly source: string;
  readonly input: unknown;
}

export function toConfigIssues(error: z.core.$ZodError, merged: unknown, layers: readonly ConfigLayer[]): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    const expected =
      issue.code === 'unrecognized_keys'
        ? `no unknown keys (${issue.keys.join(', ')})`
        : issue.code === 'invalid_key'
          ? (issue.issues[0]?.message ?? issue.message)
          : issue.message;
    // Blame the highest-precedence layer that set anything along this path (for an unknown
    // key, the layer that holds the key).
    const blamePath = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
    let source = 'the defaults';
    for (let depth = blamePath.length; depth > 0 && source === 'the defaults'; depth--) {
      for (let i = layers.length - 1; i >= 0; i--) {
        const layer = layers[i];
        if (layer && valueAt(layer.input, blamePath.slice(0, depth)) !== undefined) {
          source = layer.source;
          break;
        }
      }
    }
    return {
      path: formatPath(path),
      received: valueAt(merged, path),
      expected,
      source,
      ...(issue.code === 'custom' && !(issue.params as { expected?: boolean } | undefined)?.expected ? { custom: true } : {}),
    };
  });
}
