// The partner reference of the config: every key described, the committed schema and
// docs/config.md generated from the current code, and example configs that name the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { applyConfigDocs, resolveConfig } from '@hearth/core/schemas';
import { DOC_FILE, SCHEMA_FILE, documentedConfigSchema, referenceFiles, schemaId } from '../scripts/write-config-schema.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Every `*.config.json` under examples/ (node_modules and build output left out). */
function exampleConfigs(dir = join(ROOT, 'examples')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return exampleConfigs(path);
    return name.endsWith('.config.json') ? [path] : [];
  });
}

interface Node {
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: Node | boolean;
}

/** Every key path of the schema, written as docs/config.md writes it (`states.XX.payers[].id`). */
function configKeys(properties: Record<string, Node> = {}, prefix = ''): string[] {
  return Object.entries(properties).flatMap(([key, node]) => {
    const path = `${prefix}${key}`;
    const values = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    return [
      path,
      ...configKeys(node.properties, `${path}.`),
      ...configKeys(node.items?.properties, `${path}[].`),
      ...configKeys(values?.properties, `${path}.${key === 'states' ? 'XX' : '*'}.`),
    ];
  });
}

test('every config key, in the envelope and in every section, has a description', () => {
  const { schema, problems } = documentedConfigSchema();
  assert.deepEqual(problems, [], 'add a ConfigDoc in the package’s src/schema-docs.ts (or z.describe() in its schema)');
  assert.ok(Object.keys(schema.properties).length >= 8);
});

test('a key without a description, or the docs of a key that is gone, is reported', () => {
  const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'object', properties: { c: { type: 'number' } } } } };
  const problems = applyConfigDocs(schema, {
    a: { description: 'A.' },
    b: { description: 'B.', properties: {} },
    gone: { description: 'Old.' },
  });
  assert.deepEqual(problems.sort(), ['b.c: no description', 'gone: documented, but not in the schema']);
});

test('the schema has a real, versioned $id, examples, and allows $schema', () => {
  const { schema } = documentedConfigSchema();
  const version = JSON.parse(readFileSync(join(ROOT, 'packages/core/package.json'), 'utf8')).version as string;
  assert.equal(schema.$id, `https://unpkg.com/@hearth/core@${version}/config.schema.json`);
  assert.equal(schema.$id, schemaId());
  assert.ok(schema.properties.$schema, 'a config file may name its schema');
  assert.ok(schema.properties.brand?.properties?.name?.examples?.length, 'keys carry examples');
  assert.equal(schema.additionalProperties, false);
});

test('packages/core/config.schema.json and docs/config.md are fresh (pnpm --filter @hearth/embed build writes them)', async () => {
  const files = await referenceFiles();
  for (const file of [SCHEMA_FILE, DOC_FILE]) {
    assert.equal(readFileSync(file, 'utf8'), files[file], `${relative(ROOT, file)} is stale: run pnpm --filter @hearth/embed build`);
  }
  const doc = files[DOC_FILE]!;
  const { schema } = documentedConfigSchema();
  const keys = configKeys(schema.properties).filter((key) => key !== '$schema');
  assert.ok(keys.length > 50, `${keys.length} keys`);
  for (const key of keys) assert.ok(doc.includes(`\`${key}\``), `docs/config.md lists ${key}`);
});

test('@hearth/core exports the schema file', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'packages/core/package.json'), 'utf8'));
  assert.equal(pkg.exports['./config.schema.json'], './config.schema.json');
  assert.ok((pkg.files as string[]).includes('config.schema.json'), 'the file is in the tarball');
});

test('example configs name the schema and are valid', async () => {
  await import('@hearth/assessment/schema');
  await import('@hearth/coverage/schema');
  const configs = exampleConfigs();
  assert.ok(configs.length > 0, 'examples have config files');
  for (const file of configs) {
    const config = JSON.parse(readFileSync(file, 'utf8'));
    const target = resolve(file, '..', config.$schema ?? '');
    assert.equal(target, SCHEMA_FILE, `${relative(ROOT, file)}: "$schema" points at packages/core/config.schema.json`);
    const result = resolveConfig([{ source: relative(ROOT, file), input: config }]);
    assert.ok(result.ok, `${relative(ROOT, file)}: ${result.ok ? '' : result.error.message}`);
  }
});
