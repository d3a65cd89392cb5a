import { hearthConfigSchema, unknownConfigKeys, type HearthConfig, type HearthConfigInput } from './schema.js';
import { HearthConfigError, toConfigIssues, type ConfigLayer } from './errors.js';
import { mergeConfig } from './merge.js';

export type ConfigResult =
  { ok: true; config: HearthConfig; input: HearthConfigInput } | { ok: false; error: HearthConfigError; input: HearthConfigInput };

const warned = new Set<string>();

/**
 * Merges layers (lowest precedence first) and validates the result against the envelope and the
 * sections registered so far (`hearthConfigSchema()`). A top-level key that no loaded package
 * registered is kept and warned about once: this page may simply not load that widget.
 */
export function resolveConfig(layers: readonly ConfigLayer[]): ConfigResult {
  const input = mergeConfig<HearthConfigInput>(...layers.map((l) => l.input));
  const parsed = hearthConfigSchema().safeParse(input);
  if (!parsed.success) return { ok: false, error: new HearthConfigError(toConfigIssues(parsed.error, input, layers)), input };
  for (const key of unknownConfigKeys(input)) {
    if (warned.has(key)) continue;
    warned.add(key);
    console.warn(`[hearth] config "${key}" is not used by any widget loaded on this page; it is kept as given.`);
  }
  return { ok: true, config: parsed.data, input };
}

/** The defaults alone, fully resolved against the sections registered so far. */
export function defaultConfig(): HearthConfig {
  return hearthConfigSchema().parse({});
}

// ---- the global layer: Hearth.configure() ----------------------------------------------------

let globalInput: HearthConfigInput = {};
const globalListeners = new Set<() => void>();

/**
 * `Hearth.configure()`: sets page-wide config, merged over what was configured before. Returns
 * the validation result; an invalid config is still kept so that widgets show what is wrong
 * (rather than silently falling back to defaults and, say, posting leads to the wrong place).
 */
export function configure(input: HearthConfigInput, options: { replace?: boolean } = {}): ConfigResult {
  globalInput = options.replace ? { ...input } : mergeConfig<HearthConfigInput>(globalInput, input);
  const result = resolveConfig([{ source: 'Hearth.configure()', input: globalInput }]);
  if (!result.ok) console.error(`[hearth] ${result.error.message}`);
  for (const listener of [...globalListeners]) listener();
  return result;
}

export function globalConfigLayer(): ConfigLayer {
  return { source: 'Hearth.configure()', input: globalInput };
}

export function onGlobalConfigChange(listener: () => void): () => void {
  globalListeners.add(listener);
  return () => globalListeners.delete(listener);
}
