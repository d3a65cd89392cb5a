/**
 * Code shared by the loader (`hearth.js`) and the all-in-one file (`hearth.all.js`). It must not
 * import @hearth/core: the loader stays tiny and loads core only when a widget needs it.
 */
import type { HearthConfigInput } from '@hearth/core';
import type { HearthGlobal } from './types.js';

export type { HearthGlobal };

export const host = window as { Hearth?: unknown };

let warned = false;
/** At most one warning per copy of Hearth, whatever went wrong: the fix is the same. */
export function warnOnce(message: string): void {
  if (warned) return;
  warned = true;
  console.warn(`[hearth] ${message}`);
}

/** True when `value` is a `window.Hearth` set by some copy of Hearth (any version). */
export function isHearthGlobal(value: unknown): value is HearthGlobal {
  const candidate = value as Partial<HearthGlobal> | null;
  return (
    typeof candidate === 'object' && candidate !== null && typeof candidate.version === 'string' && typeof candidate.define === 'function'
  );
}

/**
 * What to do about an existing `window.Hearth`: another copy of Hearth owns the page (stand down
 * entirely, so nothing is defined twice and exactly one warning is logged), or some unrelated
 * script took the name (run, but do not expose ourselves).
 */
export function claimGlobal(version: string, kind: string): 'claim' | 'stand-down' | 'run-hidden' {
  const existing = host.Hearth;
  if (existing === undefined) return 'claim';
  if (isHearthGlobal(existing)) {
    warnOnce(
      `Hearth ${existing.version} is already running on this page, so this copy (${kind} ${version}) does nothing. ` +
        'Include Hearth once per page: either hearth.js or hearth.all.js.',
    );
    return 'stand-down';
  }
  warnOnce(
    'window.Hearth is already used by another script: the widgets still work, but Hearth.configure() and friends are not available.',
  );
  return 'run-hidden';
}

/**
 * The `<script>` that loaded `url` (our own tag), or a `hearth` script carrying data-* settings.
 * A module included twice from the same URL runs once, so only the loader can tell (and say so).
 */
export function findOwnScript(url: string | undefined, nameHint: string, countDuplicates = false): HTMLScriptElement | null {
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  const own = url ? scripts.filter((s) => s.src === url) : [];
  if (countDuplicates && own.length > 1) warnOnce(`${nameHint} is included ${own.length} times on this page; once is enough.`);
  return own[0] ?? scripts.find((s) => s.src.includes(nameHint) && (s.dataset.endpoint || s.dataset.config || s.dataset.locale)) ?? null;
}

/** `data-endpoint` and `data-locale` as a config layer (undefined when neither is set). */
export function attributeConfig(script: HTMLScriptElement | null): HearthConfigInput | undefined {
  const endpoint = script?.dataset.endpoint?.trim();
  const locale = script?.dataset.locale?.trim();
  if (!endpoint && !locale) return undefined;
  const input: HearthConfigInput = {};
  if (endpoint) input.lead = { endpoint };
  // "es-MX" → "es"; an unsupported language stays as written so validation names it.
  if (locale) input.locale = locale.toLowerCase().split(/[-_]/)[0] as HearthConfigInput['locale'];
  return input;
}

/**
 * Fetches `data-config`. A failure is logged once with what to fix; the widgets then run with
 * the other settings (a broken config file must not take crisis resources off the page).
 */
export async function fetchConfig(src: string): Promise<HearthConfigInput | undefined> {
  try {
    const response = await fetch(src, { credentials: 'omit', headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    const data = (await response.json()) as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error('it is not a JSON object');
    return data as HearthConfigInput;
  } catch (error) {
    console.error(
      `[hearth] Could not load the config at data-config="${src}": ${(error as Error).message}. ` +
        'The widgets use the script tag’s other settings and the defaults until it is fixed.',
    );
    return undefined;
  }
}

/** The config layers of the script tag, lowest precedence first: data-config, then data-* attributes. */
export async function scriptLayers(script: HTMLScriptElement | null): Promise<HearthConfigInput[]> {
  const layers: HearthConfigInput[] = [];
  const src = script?.dataset.config?.trim();
  if (src) {
    const remote = await fetchConfig(src);
    if (remote) layers.push(remote);
  }
  const attrs = attributeConfig(script);
  if (attrs) layers.push(attrs);
  return layers;
}

/**
 * A copy made in this page's realm: config passed from another window (a parent frame, an
 * extension) has another `Object.prototype`, and config merging accepts plain objects only.
 */
export function ownRealm<T>(input: T): T {
  try {
    return structuredClone(input);
  } catch {
    return input; // not cloneable (a function inside): validation will say what is wrong
  }
}

const PREFIX = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A prefix that makes valid custom element names (`acme` → `acme-faq`). Logs why when it does not. */
export function checkPrefix(prefix: unknown): prefix is string {
  if (typeof prefix === 'string' && PREFIX.test(prefix)) return true;
  console.error(
    `[hearth] Hearth.define({ prefix: ${JSON.stringify(prefix)} }): the prefix must be lowercase letters and digits, ` +
      'starting with a letter, optionally joined by hyphens (for example "acme" for <acme-assessment>).',
  );
  return false;
}

/**
 * `Hearth.registerInstrument()`: keeps the definitions registered through it (one per `id`, the
 * last one wins) and configures them all, so the config's validation and error display apply.
 */
export function instrumentRegistrar(configure: HearthGlobal['configure']): HearthGlobal['registerInstrument'] {
  const byId: Record<string, Record<string, unknown>> = {};
  return (definition) => {
    byId[String(definition?.['id'])] = definition;
    return configure({ assessment: { definitions: Object.values(byId) } } as HearthConfigInput);
  };
}
