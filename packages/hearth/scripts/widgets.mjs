// Finds every Hearth element in the workspace, so the loader, the all-in-one file, the manifest
// and the type declarations pick up a widget package as soon as it exists, with no list to keep.
//
// A registration module is any file a package exports (the "source" condition) that calls
// `SomeClass.define('hearth-…')` at top level: `@hearth/faq/hearth-faq.js` → src/define.ts, core's
// `./hearth-provider.js`, … Elements of one package share one chunk; core's elements live in
// the shared runtime chunk (the provider must be registered before any widget).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'vite';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const PACKAGES = join(ROOT, 'packages');
/** Packages whose elements are always in the shared runtime chunk rather than a chunk of their own. */
export const RUNTIME_PACKAGE = 'core';
const SKIP = new Set(['hearth', 'lead-receiver', 'content-ptsd']);
const TAG = /^hearth-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * @typedef {{ tag: string, suffix: string, className: string, file: string }} ElementInfo
 * @typedef {{ key: string, packageName: string, dir: string, registration: string[], elements: ElementInfo[], onDemand: ElementInfo[] }} WidgetPackage
 */

/**
 * Elements a package registers itself, only when needed, rather than through a registration module
 * (`<hearth-lead-notice>`, defined when a held lead is found): package.json's
 * `"hearthElementsOnDemand": { "<tag>": "./src/<file>.ts" }`. They are documented (manifest,
 * editor data, JSX types) but get no chunk or loader entry of their own.
 * @returns {ElementInfo[]}
 */
function onDemandElements(dir, pkg) {
  return Object.entries(pkg.hearthElementsOnDemand ?? {}).map(([tag, source]) => {
    if (!TAG.test(tag)) throw new Error(`[hearth build] ${pkg.name}: "${tag}" in hearthElementsOnDemand is not a hearth-… tag`);
    const file = join(dir, source);
    const { program } = parseSync(file, readFileSync(file, 'utf8'));
    const cls = program.body.find((n) => n.type === 'ExportNamedDeclaration' && n.declaration?.type === 'ClassDeclaration');
    if (!cls) throw new Error(`[hearth build] ${file}: no exported class for <${tag}>`);
    return { tag, suffix: tag.slice('hearth-'.length), className: cls.declaration.id.name, file };
  });
}

/** Every package with elements, in a stable order (core first). */
export function discoverWidgets(root = PACKAGES) {
  /** @type {WidgetPackage[]} */
  const found = [];
  for (const name of readdirSync(root).sort()) {
    if (SKIP.has(name)) continue;
    const dir = join(root, name);
    const pkgFile = join(dir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    /** @type {ElementInfo[]} */
    const elements = [];
    const registration = [];
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      const source = typeof target === 'object' && target ? target.source : undefined;
      if (typeof source !== 'string') continue;
      const file = join(dir, source);
      if (!existsSync(file)) continue; // declared ahead of the code: skip until it lands
      const defined = findDefinitions(file);
      if (defined.length === 0) continue;
      registration.push(`${pkg.name}${subpath.slice(1)}`);
      for (const element of defined) if (!elements.some((e) => e.tag === element.tag)) elements.push(element);
    }
    const onDemand = onDemandElements(dir, pkg);
    if (elements.length || onDemand.length) found.push({ key: name, packageName: pkg.name, dir, registration, elements, onDemand });
  }
  found.sort((a, b) => (a.key === RUNTIME_PACKAGE ? -1 : b.key === RUNTIME_PACKAGE ? 1 : a.key.localeCompare(b.key)));
  return found;
}

/**
 * The top-level `X.define('hearth-…')` calls of a module, with the file that declares X
 * (the module itself, or the relative module it imports X from).
 * @returns {ElementInfo[]}
 */
export function findDefinitions(file) {
  const code = readFileSync(file, 'utf8');
  if (!code.includes('.define(')) return [];
  const { program, errors } = parseSync(file, code);
  if (errors.length) throw new Error(`[hearth build] cannot parse ${file}: ${errors[0].message}`);
  /** @type {Map<string, string>} local name → file it comes from */
  const origins = new Map();
  for (const node of program.body) {
    if (node.type === 'ImportDeclaration' && node.source.value.startsWith('.')) {
      for (const spec of node.specifiers) {
        if (spec.type === 'ImportSpecifier') origins.set(spec.local.name, resolveTs(file, node.source.value));
      }
    }
    const declaration = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (declaration?.type === 'ClassDeclaration' && declaration.id) origins.set(declaration.id.name, file);
  }
  /** @type {ElementInfo[]} */
  const out = [];
  for (const node of program.body) {
    const call = node.type === 'ExpressionStatement' ? node.expression : undefined;
    if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression') continue;
    const { object, property } = call.callee;
    const arg = call.arguments[0];
    if (object.type !== 'Identifier' || property.type !== 'Identifier' || property.name !== 'define') continue;
    if (arg?.type !== 'Literal' || typeof arg.value !== 'string' || !TAG.test(arg.value)) continue;
    const origin = origins.get(object.name);
    if (!origin) throw new Error(`[hearth build] ${file}: cannot tell where ${object.name} (for <${arg.value}>) is declared`);
    out.push({ tag: arg.value, suffix: arg.value.slice('hearth-'.length), className: object.name, file: origin });
  }
  return out;
}

function resolveTs(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base, `${base}.ts`]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`[hearth build] ${from}: cannot resolve ${specifier}`);
}

/** suffix → chunk key ('' for the runtime chunk), for the loader. */
export function tagTable(widgets) {
  /** @type {Record<string, string>} */
  const table = {};
  for (const w of widgets) for (const e of w.elements) table[e.suffix] = w.key === RUNTIME_PACKAGE ? '' : w.key;
  return table;
}
