// Writes dist/hearth-config.schema.json, the JSON Schema of HearthConfig for partners' editors and CI.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../dist/schemas.js';

const schema = { $id: 'https://hearth.invalid/schemas/hearth-config.schema.json', title: 'Hearth config', ...configJsonSchema() };
writeFileSync(new URL('../dist/hearth-config.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
console.log('wrote dist/hearth-config.schema.json');
