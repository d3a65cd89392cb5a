import { hearthConfigSchema, type HearthConfig, type HearthConfigInput } from './schema.js';
import { HearthConfigError, toConfigIssues, type ConfigLayer } from './errors.js';
import { mergeConfig } from './merge.js';

export type ConfigResult =
  { ok: true; config: HearthConfig; input: HearthConfigInput } | { ok: false; error: HearthConfigError; input: HearthConfigInput };

/**
 * Merges layers (lowest precedence first) and validates the result against the envelope and the
 * sections registered so far (`hearthConfigSchema()`). A top-level key that no loaded package
 * registered is kept as given, silently: one partner config serves every page, and a page that
 * shows only the guide has no use for `coverage`. A near miss of a known key (`brnad`) is still an
 * error, and the build's JSON Schema, which lists every section, lets editors flag the rest.
 */
export function resolveConfig(layers: readonly ConfigLayer[]): ConfigResult {
  const input = mergeConfig<HearthConfigInput>(...layers.map((l) => l.input));
  const parsed = hearthConfigSchema().safeParse(input);
  if (!parsed.success) return { ok: false, error: new HearthConfigError(toConfigIssues(parsed.error, input, layers)), input };
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
