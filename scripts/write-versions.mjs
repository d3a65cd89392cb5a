#!/usr/bin/env node
// Writes the version modules from their package.json, so the version string is never typed by
// hand: `pnpm version-packages` (changesets) bumps package.json and then runs this; each of the
// two packages' builds runs it too. `--check` writes nothing and fails when a module is stale.
// scripts/test/versions.node.test.ts checks that both modules agree with their package.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './publishing.mjs';

/** packages/<dir>/src/version.ts and the constant it exports. */
export const VERSION_MODULES = [
  { dir: 'core', constant: 'VERSION', doc: 'The Hearth SDK version, stamped into every element class and `window.Hearth.version`.' },
  { dir: 'lead-receiver', constant: 'RECEIVER_VERSION', doc: 'Reported by /healthz and `hearth-lead-receiver --version`.' },
];

/** The text of one version module. */
export function versionModule({ dir, constant, doc }, root = ROOT) {
  const { version } = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  return [
    `// Generated from packages/${dir}/package.json by scripts/write-versions.mjs: do not edit.`,
    `/** ${doc} */`,
    `export const ${constant} = ${JSON.stringify(version).replaceAll('"', "'")};`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const mod of VERSION_MODULES) {
    const file = join(ROOT, 'packages', mod.dir, 'src/version.ts');
    const text = versionModule(mod);
    if (readFileSync(file, 'utf8') === text) continue;
    if (check) stale.push(file);
    else writeFileSync(file, text);
  }
  if (stale.length) {
    console.error(`stale version module(s), run node scripts/write-versions.mjs: ${stale.join(', ')}`);
    process.exit(1);
  }
}
