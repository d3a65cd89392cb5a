#!/usr/bin/env node
// `pnpm graph`: the import graph between the workspace packages, read from the import statements
// in packages/*/src (static, dynamic `import()`, `export … from`, type-only), not from package.json.
// Fails when the graph has a cycle, or when a package imports a workspace package that its
// package.json does not declare in dependencies (or peer/optional dependencies).
//
// Usage: pnpm graph [--mermaid]
//   plain:   `assessment → content-ptsd (lazy), core`
//   mermaid: `assessment --> core`, `-. lazy .->` for import() only, `-. type .->` for types only
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

/** @typedef {'static' | 'lazy' | 'type'} EdgeKind */
/** @typedef {{ key: string, name: string, dir: string, declared: Set<string> }} WorkspacePackage */

/** packages/* that have a package.json, by npm name. */
export function workspacePackages(packagesDir = join(ROOT, 'packages')) {
  /** @type {Map<string, WorkspacePackage>} */
  const byName = new Map();
  for (const key of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, key);
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    const declared = new Set([pkg.dependencies, pkg.peerDependencies, pkg.optionalDependencies].flatMap((deps) => Object.keys(deps ?? {})));
    byName.set(pkg.name, { key, name: pkg.name, dir, declared });
  }
  return byName;
}

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every module specifier a file imports, with how. */
export function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const { program, errors } = parseSync(file, code);
  if (errors.length) throw new Error(`${relative(ROOT, file)}: ${errors[0].message}`);
  /** @type {{ specifier: string, kind: EdgeKind }[]} */
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const source = node.source?.type === 'Literal' && typeof node.source.value === 'string' ? node.source.value : undefined;
    switch (node.type) {
      case 'ImportDeclaration': {
        const allTypes =
          node.importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
        if (source) found.push({ specifier: source, kind: allTypes ? 'type' : 'static' });
        return;
      }
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        if (source) found.push({ specifier: source, kind: node.exportKind === 'type' ? 'type' : 'static' });
        break;
      case 'ImportExpression':
        if (source) found.push({ specifier: source, kind: 'lazy' });
        break;
      case 'TSImportType':
        if (source) found.push({ specifier: source, kind: 'type' });
        return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      if (value && typeof value === 'object') visit(value);
    }
  };
  visit(program.body);
  return found;
}

/** The workspace package a specifier names (`@hearth/core/schemas` → `@hearth/core`), if any. */
function packageOf(specifier, names) {
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return names.has(name) ? name : undefined;
}

/**
 * The graph: package name → imported package name → the strongest kind of import
 * (static over lazy over type) and the files that import it.
 */
export function importGraph(packagesDir) {
  const packages = workspacePackages(packagesDir);
  /** @type {Map<string, Map<string, { kind: EdgeKind, files: Set<string> }>>} */
  const graph = new Map();
  const rank = { type: 0, lazy: 1, static: 2 };
  for (const pkg of packages.values()) {
    const edges = new Map();
    graph.set(pkg.name, edges);
    for (const file of sourceFiles(join(pkg.dir, 'src'))) {
      for (const { specifier, kind } of importsOf(file)) {
        const target = packageOf(specifier, packages);
        if (!target || target === pkg.name) continue;
        const edge = edges.get(target) ?? { kind, files: new Set() };
        if (rank[kind] > rank[edge.kind]) edge.kind = kind;
        edge.files.add(relative(ROOT, file));
        edges.set(target, edge);
      }
    }
  }
  return { packages, graph };
}

/** Every elementary cycle's first occurrence, as a list of names (a → … → a). */
export function findCycles(graph) {
  const cycles = [];
  const state = new Map(); // undefined: new, 1: on the stack, 2: done
  const stack = [];
  const seen = new Set();
  const walk = (node) => {
    state.set(node, 1);
    stack.push(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (state.get(next) === 1) {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const id = [...cycle.slice(0, -1)].sort().join(' ');
        if (!seen.has(id)) {
          seen.add(id);
          cycles.push(cycle);
        }
      } else if (!state.get(next)) walk(next);
    }
    stack.pop();
    state.set(node, 2);
  };
  for (const node of [...graph.keys()].sort()) if (!state.get(node)) walk(node);
  return cycles;
}

function main(args) {
  const { packages, graph } = importGraph();
  const key = (name) => packages.get(name)?.key ?? name;
  const lines = [];
  if (args.includes('--mermaid')) {
    lines.push('```mermaid', 'graph LR');
    for (const [from, edges] of graph) {
      if (edges.size === 0) lines.push(`  ${key(from)}`);
      for (const [to, edge] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
        const arrow = edge.kind === 'static' ? '-->' : `-. ${edge.kind} .->`;
        lines.push(`  ${key(from)} ${arrow} ${key(to)}`);
      }
    }
    lines.push('```');
  } else {
    const width = Math.max(...[...graph.keys()].map((n) => key(n).length));
    for (const [from, edges] of graph) {
      const targets = [...edges]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([to, edge]) => (edge.kind === 'static' ? key(to) : `${key(to)} (${edge.kind})`));
      lines.push(`${key(from).padEnd(width)} → ${targets.join(', ') || '(nothing)'}`);
    }
    lines.push('', '(lazy): import() only · (type): types only · names are folders under packages/');
  }
  console.log(lines.join('\n'));

  const problems = [];
  for (const cycle of findCycles(graph)) problems.push(`cycle: ${cycle.map(key).join(' → ')}`);
  for (const [from, edges] of graph) {
    for (const [to, edge] of edges) {
      if (packages.get(from)?.declared.has(to)) continue;
      const files = [...edge.files].sort();
      problems.push(
        `packages/${key(from)} imports ${to} without declaring it in package.json dependencies (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`,
      );
    }
  }
  if (problems.length) {
    console.error(`\n✖ ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n  - ${problems.join('\n  - ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`[graph] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
