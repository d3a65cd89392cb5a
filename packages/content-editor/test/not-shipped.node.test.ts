// Nothing of the editor reaches a patient: it is private, no published package depends on it or
// on Decap, no published package's source imports it (walking each one's import graph from its
// exports), and no built file of a published package names it.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { REPO } from './driver.js';

interface Manifest {
  name: string;
  private?: boolean;
  files?: string[];
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const EDITOR_ONLY = /^(?:@hearth\/content-editor|decap-.*|react|react-dom|express)$/;
const packages = readdirSync(join(REPO, 'packages'))
  .filter((name) => existsSync(join(REPO, 'packages', name, 'package.json')))
  .map((name) => ({
    dir: join(REPO, 'packages', name),
    pkg: JSON.parse(readFileSync(join(REPO, 'packages', name, 'package.json'), 'utf8')) as Manifest,
  }));
const published = packages.filter(({ pkg }) => !pkg.private);

test('the editor package is private and publishes nothing', () => {
  const editor = packages.find(({ pkg }) => pkg.name === '@hearth/content-editor');
  assert.ok(editor, 'packages/content-editor exists');
  assert.equal(editor.pkg.private, true);
  assert.equal(editor.pkg.files, undefined);
  assert.equal(
    JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts['content:edit'].includes('packages/content-editor'),
    true,
  );
  assert.ok(published.length >= 5, `published packages found (${published.length})`);
});

test('no published package depends on the editor, Decap or React', () => {
  for (const { pkg } of published) {
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
    assert.deepEqual(
      deps.filter((d) => EDITOR_ONLY.test(d)),
      [],
      `${pkg.name} depends on editor-only packages`,
    );
  }
});

/** The "source" file of every export of a workspace package. */
function sourceEntries(dir: string, pkg: Manifest): string[] {
  return Object.values(pkg.exports ?? {})
    .map((entry) => (typeof entry === 'string' ? entry : (entry['source'] ?? entry['default'])))
    .filter((path): path is string => typeof path === 'string' && /\.(ts|js|mjs)$/.test(path))
    .map((path) => resolve(dir, path));
}

const byName = new Map(packages.map(({ dir, pkg }) => [pkg.name, { dir, pkg }]));

/** Resolves an import the way the builds do with the "source" condition; undefined for third-party modules. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) {
    const base = resolve(dirname(from), specifier);
    for (const candidate of [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')])
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    return undefined;
  }
  const match = /^(@hearth\/[^/]+)(\/.*)?$/.exec(specifier);
  const target = match && byName.get(match[1]!);
  if (!target) return undefined;
  const entry = target.pkg.exports?.[`.${match![2] ?? ''}`];
  const path = typeof entry === 'string' ? entry : (entry?.['source'] ?? entry?.['default']);
  return path ? resolve(target.dir, path) : undefined;
}

test('no published package reaches the editor or Decap through its imports', () => {
  const seen = new Set<string>();
  const thirdParty = new Set<string>();
  // Each package's exports, plus the top of its src/ (the script-tag build starts from packages/hearth/src/*.ts).
  const queue = published.flatMap(({ dir, pkg }) => [
    ...sourceEntries(dir, pkg).filter((path) => existsSync(path)),
    ...(existsSync(join(dir, 'src'))
      ? readdirSync(join(dir, 'src'))
          .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
          .map((f) => join(dir, 'src', f))
      : []),
  ]);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !/\.(ts|js|mjs)$/.test(file)) continue;
    seen.add(file);
    assert.ok(!file.includes(`${join('packages', 'content-editor')}`), `${file} is the editor's`);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const resolved = resolveImport(file, specifier!);
      if (resolved) queue.push(resolved);
      else if (!specifier!.startsWith('.'))
        thirdParty.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
    }
  }
  assert.ok(seen.size > 50, `the walk read the published sources (${seen.size} files)`);
  assert.deepEqual(
    [...thirdParty].filter((name) => EDITOR_ONLY.test(name) || name === '@hearth/content-editor'),
    [],
  );
});

test('no built file of a published package names the editor or Decap', () => {
  let files = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(m?js|json|html|css|d\.ts)$/.test(entry.name)) {
        files++;
        assert.doesNotMatch(readFileSync(path, 'utf8'), /decap-cms|decap-server|content-editor/i, path);
      }
    }
  };
  for (const { dir } of published) if (existsSync(join(dir, 'dist'))) walk(join(dir, 'dist'));
  // Before any build there is nothing to read; the import walk above covers the sources.
  console.log(`not-shipped: ${files} built file(s) of published packages read`);
});
