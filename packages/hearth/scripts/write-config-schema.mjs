// The partner reference of the Hearth config, from one source: the zod schemas of core's envelope
// and every domain section, plus their build-time docs (`ConfigDoc`: descriptions, examples).
// Writes
//   packages/core/config.schema.json   the JSON Schema, exported as @hearth/core/config.schema.json
//   docs/config.md                     every key: type, default, description, example
//   packages/hearth/dist/hearth-config.schema.json   the same schema next to the script-tag build
// and fails when a key has no description. Core cannot depend on the domains, so this runs here,
// where every package is a dependency. Run with tsx and the "source" condition (as the build does):
//   node --import tsx --conditions=source scripts/write-config-schema.mjs [--check] [--root <dir>]
// `--check` writes nothing and fails if a committed file is stale. The schema's $id carries core's
// version, so `pnpm version-packages` runs this after the bump too. `--root <dir>` reads the
// version from and writes into another copy of the workspace (the bump test uses a temporary one).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { assessmentConfigDocs } from '@hearth/assessment/schema';
import { coverageConfigDocs } from '@hearth/coverage/schema';
import { ENVELOPE_CONFIG_DOCS, applyConfigDocs, configJsonSchema } from '@hearth/core/schemas';

const ROOT = resolve(import.meta.dirname, '../../..');
const CORE = join(ROOT, 'packages/core');
export const SCHEMA_FILE = join(CORE, 'config.schema.json');
export const DOC_FILE = join(ROOT, 'docs/config.md');
const DIST_FILE = join(ROOT, 'packages/hearth/dist/hearth-config.schema.json');

/** `file` (one of the above) in the copy of the workspace at `root`. */
const under = (root, file) => join(root, relative(ROOT, file));

/** Every section's docs, by top-level key. A new domain package adds its export here. */
const DOCS = { ...ENVELOPE_CONFIG_DOCS, ...assessmentConfigDocs, ...coverageConfigDocs };

const coreVersion = (root = ROOT) => JSON.parse(readFileSync(join(root, 'packages/core/package.json'), 'utf8')).version;

/** `https://unpkg.com/@hearth/core@<version>/config.schema.json`: where the published file is. */
export function schemaId(version = coreVersion()) {
  return `https://unpkg.com/@hearth/core@${version}/config.schema.json`;
}

/**
 * The schema document and its problems (keys without a description, docs of keys that are gone).
 * Editors take `$schema` in a config file as the schema's address, so the schema allows it.
 */
export function documentedConfigSchema({ version = coreVersion() } = {}) {
  const generated = /** @type {Record<string, any>} */ (configJsonSchema());
  const { $schema: dialect, ...rest } = generated;
  const schema = {
    $schema: dialect,
    $id: schemaId(version),
    title: 'Hearth config',
    description:
      'The configuration of the Hearth widgets: a JSON file at the script tag’s data-config, a <hearth-provider>, Hearth.configure() or a widget’s config attribute. Generated from the widgets’ own validation; see docs/config.md.',
    ...rest,
    properties: { $schema: { type: 'string' }, ...rest.properties },
  };
  const problems = applyConfigDocs(schema, DOCS);
  return { schema, problems };
}

/** The schema document; throws if any key is undocumented. */
export function configSchemaDocument(options = {}) {
  const { schema, problems } = documentedConfigSchema(options);
  if (problems.length) {
    throw new Error(
      `[hearth config reference] every config key needs a description (a ConfigDoc in its package's schema-docs.ts, or z.describe()):\n  - ${problems.join('\n  - ')}`,
    );
  }
  return schema;
}

// ---- docs/config.md --------------------------------------------------------------------------

const code = (value) => `\`${String(value).replace(/\|/g, '\\|')}\``;
const json = (value) => JSON.stringify(value);
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

function typeOf(node) {
  if (node.enum) return node.enum.map((v) => code(json(v))).join(' or ');
  if (node.anyOf) return node.anyOf.map(typeOf).join(' or ');
  const type = Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
  if (type === 'array') return `list of ${node.items ? typeOf(node.items) : 'any'}`;
  if (type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object' && !node.properties) {
    const keys = node.propertyNames?.enum ? node.propertyNames.enum.map((k) => code(k)).join(', ') : 'key';
    return `map of ${keys} → ${typeOf(node.additionalProperties)}`;
  }
  const limits = [];
  if (node.minimum !== undefined) limits.push(`≥ ${node.minimum}`);
  if (node.maximum !== undefined) limits.push(`≤ ${node.maximum}`);
  if (node.maxLength !== undefined) limits.push(`≤ ${node.maxLength} chars`);
  return limits.length ? `${type} (${limits.join(', ')})` : type;
}

/** Rows of one top-level key and everything below it, depth first. */
function rows(node, path, out = []) {
  const example = node.examples?.length ? code(json(node.examples[0])) : '';
  const fallback = node.default !== undefined && typeof node.default !== 'object' ? code(json(node.default)) : '';
  out.push(`| ${code(path)} | ${cell(typeOf(node))} | ${fallback} | ${cell(node.description)} | ${example} |`);
  for (const [key, child] of Object.entries(node.properties ?? {})) rows(child, `${path}.${key}`, out);
  if (node.items?.properties) for (const [key, child] of Object.entries(node.items.properties)) rows(child, `${path}[].${key}`, out);
  const values = node.additionalProperties;
  if (values && typeof values === 'object' && values.properties) {
    const name = path.endsWith('states') ? 'XX' : '*';
    for (const [key, child] of Object.entries(values.properties)) rows(child, `${path}.${name}.${key}`, out);
  }
  return out;
}

/** docs/config.md: one section per top-level key, one row per key. */
export function configMarkdown(schema = configSchemaDocument()) {
  const sections = Object.entries(schema.properties)
    .filter(([key]) => key !== '$schema')
    .map(([key, node]) =>
      [
        `## \`${key}\``,
        '',
        cell(node.description),
        '',
        '| key | type | default | description | example |',
        '| --- | --- | --- | --- | --- |',
        // A section's own row would repeat the paragraph above: list what is inside it.
        ...rows(node, key).slice(node.properties ? 1 : 0),
        '',
      ].join('\n'),
    );
  return `<!-- Generated by packages/hearth/scripts/write-config-schema.mjs from the config schemas and their docs: do not edit by hand. -->

# Hearth config reference

Every key a Hearth config accepts. The same config can be given as a JSON file (the script
tag's \`data-config\`), to \`<hearth-provider>\`, to \`Hearth.configure()\` or in a widget's
\`config\` attribute; see the [script-tag README](../packages/hearth/README.md#configuration)
for which wins. Every key is optional; a bad value shows a readable message in the widget and
one console error naming the key.

The JSON Schema is \`@hearth/core/config.schema.json\` (\`packages/core/config.schema.json\`,
\`${schema.$id}\`), and \`config.schema.json\` in each versioned CDN folder. Point \`$schema\` at it
and your editor completes and checks the file:

\`\`\`json
{
  "$schema": "${schema.$id}",
  "brand": { "name": "Northside Clinic" }
}
\`\`\`

Sections: ${Object.keys(schema.properties)
    .filter((k) => k !== '$schema')
    .map((k) => `[\`${k}\`](#${k})`)
    .join(', ')}.

${sections.join('\n')}`;
}

/** Formatted as the repository's Prettier would (it checks committed files). */
async function pretty(file, text) {
  const options = await prettier.resolveConfig(file);
  return prettier.format(text, { ...options, filepath: file });
}

/** The files this script writes (under `root`), with their contents, for core's version there. */
export async function referenceFiles({ root = ROOT } = {}) {
  const schema = configSchemaDocument({ version: coreVersion(root) });
  return {
    [under(root, SCHEMA_FILE)]: await pretty(SCHEMA_FILE, JSON.stringify(schema)),
    [under(root, DOC_FILE)]: await pretty(DOC_FILE, configMarkdown(schema)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const args = process.argv.slice(2);
    const root = args.includes('--root') ? resolve(args[args.indexOf('--root') + 1]) : ROOT;
    const files = await referenceFiles({ root });
    if (args.includes('--check')) {
      const stale = Object.entries(files).filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
      if (stale.length) throw new Error(`stale: ${stale.map(([f]) => f).join(', ')}; run pnpm --filter @hearth/embed build`);
    } else {
      for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
      const dist = under(root, DIST_FILE);
      mkdirSync(join(dist, '..'), { recursive: true });
      writeFileSync(dist, files[under(root, SCHEMA_FILE)]);
      console.log('[hearth] wrote packages/core/config.schema.json, docs/config.md, dist/hearth-config.schema.json');
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
