#!/usr/bin/env node
// Writes the version modules from their package.json, so the version string is never typed by
// hand, and the release's CDN folder name in the docs that show it (VERSIONED_DOCS): `pnpm version-packages` (changesets) bumps package.json and then runs this (and the config
// reference, whose schema $id carries the version); each of the two packages' builds runs it too.
// `--check` writes nothing and fails when a module is stale; `--root <dir>` works on another copy
// of the workspace (scripts/test/publishing.node.test.ts bumps one in a temporary folder).
// scripts/test/publishing.node.test.ts checks that both modules agree with their package.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './publishing.mjs';

/** packages/<dir>/src/version.ts and the constant it exports. */
export const VERSION_MODULES = [
  { dir: 'core', constant: 'VERSION', doc: 'The Hearth SDK version, stamped into every element class and `window.Hearth.version`.' },
  { dir: 'lead-receiver', constant: 'RECEIVER_VERSION', doc: 'Reported by /healthz and `hearth-lead-receiver --version`.' },
];

/**
 * Docs that show the versioned CDN URL of the release (`hearth@<version>/…`), and the package whose
 * version names the folder (packages/hearth/scripts/cdn.mjs writes dist/cdn/hearth@<version>/).
 */
export const VERSIONED_DOCS = [{ file: 'docs/google-tag-manager.md', dir: 'hearth' }];

/** A version in a CDN path, `hearth@1.2.3` or `hearth@1.2.3-beta.1` (not `hearth@<version>`). */
const CDN_VERSION = /\bhearth@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]*[0-9A-Za-z])?(?!\.?\d)/g;

/** The doc's text with every `hearth@<x.y.z>` naming the version of packages/<dir>/package.json. */
export function versionedDoc({ file, dir }, root = ROOT) {
  const { version } = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  return readFileSync(join(root, file), 'utf8').replace(CDN_VERSION, `hearth@${version}`);
}

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

/** Writes the stale version modules and versioned docs under `root` (with `check`, only lists them); returns them. */
export function writeVersions(root = ROOT, { check = false } = {}) {
  const stale = [];
  for (const mod of VERSION_MODULES) {
    const file = join(root, 'packages', mod.dir, 'src/version.ts');
    const text = versionModule(mod, root);
    if (readFileSync(file, 'utf8') === text) continue;
    stale.push(file);
    if (!check) writeFileSync(file, text);
  }
  for (const doc of VERSIONED_DOCS) {
    const file = join(root, doc.file);
    const text = versionedDoc(doc, root);
    if (readFileSync(file, 'utf8') === text) continue;
    stale.push(file);
    if (!check) writeFileSync(file, text);
  }
  return stale;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const root = args.includes('--root') ? resolve(args[args.indexOf('--root') + 1]) : ROOT;
  const stale = writeVersions(root, { check });
  if (check && stale.length) {
    console.error(`stale version module(s), run node scripts/write-versions.mjs: ${stale.join(', ')}`);
    process.exit(1);
  }
}
