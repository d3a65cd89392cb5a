// Writes dist/hearth-config.schema.json, the JSON Schema of the whole Hearth config (the core
// envelope and every domain's section) for partners' editors and CI. Core cannot depend on the
// domains, so the schema is written here, where every package is a dependency: importing each
// domain's /schema entry registers its section, then core builds the schema from the registry.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import '@hearth/assessment/schema';
import '@hearth/coverage/schema';
import { configJsonSchema } from '@hearth/core/schemas';

/** The schema document: core's envelope plus every registered section. */
export function configSchemaDocument() {
  return { $id: 'https://hearth.invalid/schemas/hearth-config.schema.json', title: 'Hearth config', ...configJsonSchema() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('../dist/hearth-config.schema.json', import.meta.url);
  mkdirSync(new URL('.', out), { recursive: true });
  writeFileSync(out, JSON.stringify(configSchemaDocument(), null, 2) + '\n');
  console.log('wrote dist/hearth-config.schema.json');
}
