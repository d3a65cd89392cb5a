// What the built files of packages/hearth/dist are made of, read from the files themselves (not
// from the build's own report): gzip sizes, static and dynamic imports parsed from the minified
// code, the modules listed in each source map, and content markers of the libraries we watch.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'packages/hearth/dist');

export const gzip9 = (data) => gzipSync(data, { level: 9 }).length;

/**
 * Strings that survive minification and exist only in that library. A library whose marker is
 * found in two chunks was bundled twice; marked or DOMPurify in a download means the Markdown
 * pipeline was loaded.
 */
export const MARKERS = {
  marked: [/marked\(\): input parameter is/],
  dompurify: [/USE_PROFILES overrides ALLOWED_TAGS/, /must not call DOMPurify\.sanitize/],
  // lit-html's attribute marker and LitElement's brand survive minification (the version
  // globals do not: the script-tag build strips them so the host's window stays untouched).
  'lit-html': [/["'`]\$lit\$["'`]/],
  'lit-element': [/_\$litElement\$/],
  '@lit/context': [/["'`]context-request["'`]/],
  i18next: [/i18next is already initialized/],
  zod: [/["'`]\$ZodType["'`]/],
  // The content editor's libraries (packages/content-editor): never in anything shipped to patients.
  'decap-cms': [/DECAP_CMS_VERSION/, /decap-cms-core/],
  react: [/react\.transitional\.element/, /react\.element/],
};
export const MARKDOWN_LIBS = ['marked', 'dompurify'];
/** Libraries of the content editor, a tool for editors: the size check fails if the bundle has any. */
export const EDITOR_LIBS = ['decap-cms', 'react'];

/** `"<library> in <file>"` for every editor library found in `files` (readDist's map). */
export function editorLibrariesIn(files) {
  return [...files].flatMap(([file, info]) => info.libraries.filter((l) => EDITOR_LIBS.includes(l)).map((l) => `${l} in ${file}`));
}

export function librariesIn(code) {
  return Object.entries(MARKERS)
    .filter(([, patterns]) => patterns.some((p) => p.test(code)))
    .map(([name]) => name);
}

/**
 * A module id that is the same for two copies of one package (pnpm keeps one folder per set of
 * peer dependencies: `i18next@27.1.5_typescript@7.0.2` and `i18next@27.1.5_@typescript+…` are
 * two copies of the same code, and bundling both is exactly the duplication we look for).
 */
export function moduleKey(source) {
  const clean = source.replace(/^(?:webpack|rollup|vite):\/\//, '').replace(/\\/g, '/');
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(clean);
  if (pkg) return { key: `${pkg[1]}/${pkg[2]}`, pkg: pkg[1] };
  const ws = /(?:^|\/)(packages\/.*)$/.exec(clean);
  return { key: ws ? ws[1] : clean, pkg: ws ? ws[1].split('/').slice(0, 2).join('/') : clean };
}

function walk(node, visit) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node.type === 'string') visit(node);
  for (const key in node) {
    if (key === 'loc' || key === 'range' || key === 'start' || key === 'end') continue;
    const value = node[key];
    if (value && typeof value === 'object') walk(value, visit);
  }
}

/** The string of a literal or of a template literal without expressions (rolldown emits import(`./x.js`)). */
function literal(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function firstImportExpression(node) {
  let found;
  walk(node, (n) => {
    if (!found && n.type === 'ImportExpression') found = n;
  });
  return found;
}

/** Static and dynamic import specifiers, and `{ key: () => import('…') }` tables (the loader's). */
export function importsOf(code) {
  const ast = parseAst(code);
  const imports = new Set();
  const dynamicImports = new Set();
  /** @type {Record<string, string>} */
  const keyed = {};
  walk(ast, (node) => {
    if (
      (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') &&
      node.source
    ) {
      imports.add(String(node.source.value));
    } else if (node.type === 'ImportExpression') {
      dynamicImports.add(literal(node.source) ?? '(computed)');
    } else if (node.type === 'Property' && (node.value?.type === 'ArrowFunctionExpression' || node.value?.type === 'FunctionExpression')) {
      // `assessment: () => import('./chunks/assessment-….js')`, possibly followed by `.then(…)`
      const key = node.key?.type === 'Identifier' ? node.key.name : literal(node.key);
      const target = literal(firstImportExpression(node.value.body)?.source);
      if (typeof key === 'string' && target) keyed[key] = target;
    }
  });
  return { imports: [...imports], dynamicImports: [...dynamicImports], keyed };
}

/**
 * @typedef {{ file: string, bytes: number, gzip: number, imports: string[], dynamicImports: string[],
 *   keyed: Record<string, string>, sources: string[] | undefined, libraries: string[], strings?: string }} DistFile
 */

/** Every JavaScript file of dist/, with imports resolved to dist-relative paths. */
export function readDist(dist = DIST) {
  if (!existsSync(join(dist, 'hearth.js'))) {
    throw new Error(`${relative(ROOT, join(dist, 'hearth.js'))} does not exist. Build first: pnpm build`);
  }
  const names = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.js'))
    .map((d) => relative(dist, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
  /** @type {Map<string, DistFile>} */
  const files = new Map();
  for (const file of names) {
    const code = readFileSync(join(dist, file));
    const text = code.toString('utf8');
    const resolveSpec = (spec) => (spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), spec)) : spec);
    const parsed = importsOf(text);
    let sources;
    const mapFile = join(dist, `${file}.map`);
    if (existsSync(mapFile)) {
      try {
        const map = JSON.parse(readFileSync(mapFile, 'utf8'));
        // Absolute paths, so a workspace module reads `packages/core/src/…` whatever the map's base.
        sources = map.sources.map((s) =>
          s.startsWith('\0') || /^[a-z]+:/.test(s) ? s : resolve(dirname(mapFile), map.sourceRoot ?? '', s),
        );
      } catch {
        sources = undefined;
      }
    }
    const keys = (sources ?? []).map((s) => moduleKey(s).key);
    const lang =
      keys.length && keys.every((k) => /\/translations\/[a-z]{2}\.json$/.test(k))
        ? /\/([a-z]{2})\.json$/.exec(keys[0])[1]
        : /(?:^|[./])([a-z]{2})-[\w-]{8}\.js$/.exec(file)?.[1];
    files.set(file, {
      file,
      bytes: code.length,
      gzip: gzip9(code),
      imports: parsed.imports.map(resolveSpec),
      dynamicImports: parsed.dynamicImports.map(resolveSpec),
      keyed: Object.fromEntries(Object.entries(parsed.keyed).map(([k, v]) => [k, resolveSpec(v)])),
      sources,
      libraries: librariesIn(text),
      ...(lang ? { strings: lang } : {}),
    });
  }
  // `registerTranslations(ns, en, { es: () => import('./es-….js') })`: the target is Spanish strings.
  for (const f of files.values()) {
    for (const [key, target] of Object.entries(f.keyed)) {
      const t = files.get(target);
      if (t && /^[a-z]{2}$/.test(key) && f.file !== 'hearth.js') t.strings ??= key;
    }
  }
  return files;
}

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

function decodeVlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = B64.get(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * Which packages a built file's bytes come from, read from its source map: each generated
 * character is charged to the source its mapping points at ("(unmapped)": inlined JSON, CSS text
 * and glue the bundler did not map). `saves` is what deleting that package's code would save
 * after gzip -9 (the file re-compressed without it), the number that matters for a budget.
 * @returns {{ pkg: string, bytes: number, saves: number }[]}
 */
export function composition(file, dist = DIST, by = 'pkg') {
  const mapFile = join(dist, `${file}.map`);
  if (!existsSync(mapFile)) return [];
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const code = readFileSync(join(dist, file), 'utf8');
  const lines = code.split('\n');
  const pkgs = map.sources.map((s) => {
    const id = moduleKey(resolve(dirname(mapFile), map.sourceRoot ?? '', s));
    return (by === 'module' ? id.key : id.pkg).replace(/^packages\//, '@hearth/');
  });
  /** @type {{ pkg: string, line: number, start: number, end: number }[]} */
  const pieces = [];
  let source = 0;
  map.mappings.split(';').forEach((mapped, line) => {
    const text = lines[line] ?? '';
    let column = 0;
    let open = { pkg: '(unmapped)', start: 0 };
    for (const segment of mapped.split(',').filter(Boolean)) {
      const [dc, ds] = decodeVlq(segment);
      column += dc;
      pieces.push({ pkg: open.pkg, line, start: open.start, end: column });
      if (ds !== undefined) source += ds;
      open = { pkg: ds === undefined ? '(unmapped)' : (pkgs[source] ?? '(unmapped)'), start: column };
    }
    pieces.push({ pkg: open.pkg, line, start: open.start, end: text.length });
  });
  const whole = gzip9(code);
  const byPkg = new Map();
  for (const piece of pieces) if (piece.end > piece.start) byPkg.set(piece.pkg, [...(byPkg.get(piece.pkg) ?? []), piece]);
  return [...byPkg]
    .map(([pkg, own]) => {
      const drop = new Map();
      for (const p of own) drop.set(p.line, [...(drop.get(p.line) ?? []), p]);
      const without = lines
        .map((text, line) => {
          const cut = drop.get(line);
          if (!cut) return text;
          let out = '';
          let at = 0;
          for (const p of cut.sort((a, b) => a.start - b.start)) {
            out += text.slice(at, p.start);
            at = p.end;
          }
          return out + text.slice(at);
        })
        .join('\n');
      const bytes = own.reduce((n, p) => n + Buffer.byteLength(lines[p.line].slice(p.start, p.end)), 0);
      return { pkg, bytes, saves: whole - gzip9(without) };
    })
    .sort((a, b) => b.saves - a.saves);
}

/** The files reachable from `entries` through static imports. */
export function staticClosure(files, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop();
    if (!file || seen.has(file) || !files.has(file)) continue;
    seen.add(file);
    queue.push(...files.get(file).imports);
  }
  return seen;
}

/**
 * What a page using `keys` (the loader's chunk keys: 'assessment', 'faq', …) downloads according
 * to the static graph: `upFront` = loader + everything statically imported by the chunks the
 * loader fetches for those keys (and for any widget); `reachable` adds every chunk those files
 * may load later, except strings in a language other than `lang`.
 */
export function staticPage(files, keys, lang = 'en') {
  const loader = files.get('hearth.js');
  const keyedTargets = new Set(Object.values(loader.keyed));
  // The loader's unkeyed dynamic imports (the shared runtime) load for any widget.
  const always = loader.dynamicImports.filter((f) => !keyedTargets.has(f));
  const missing = keys.filter((k) => !loader.keyed[k]);
  const upFront = staticClosure(files, ['hearth.js', ...always, ...keys.map((k) => loader.keyed[k]).filter(Boolean)]);
  const reachable = new Set(upFront);
  const queue = [...upFront];
  while (queue.length) {
    const f = files.get(queue.pop());
    if (!f) continue;
    for (const next of [...f.imports, ...(f.file === 'hearth.js' ? [] : f.dynamicImports)]) {
      const target = files.get(next);
      if (!target || reachable.has(next)) continue;
      if (target.strings && target.strings !== lang) continue;
      reachable.add(next);
      queue.push(next);
    }
  }
  const sum = (set) => [...set].reduce((n, f) => n + (files.get(f)?.gzip ?? 0), 0);
  return { upFront, reachable, upFrontGzip: sum(upFront), reachableGzip: sum(reachable), missing };
}

/**
 * Modules bundled more than once: the same module (by package path, whatever pnpm folder it came
 * from) in two chunks of the loader's graph, or twice in one file (two copies of a package).
 * Falls back to the content markers when a file has no source map.
 * @param {Map<string, DistFile>} files
 * @param {string[]} graphFiles files that can end up on the same page (everything but hearth.all.js)
 */
export function duplicates(files, graphFiles) {
  const problems = [];
  /** @type {Map<string, string>} */
  const owner = new Map();
  for (const file of graphFiles) {
    const f = files.get(file);
    if (!f?.sources) continue;
    for (const source of f.sources) {
      const { key } = moduleKey(source);
      if (key.includes('\0') || key.startsWith('virtual:') || key.startsWith('\u0000')) continue;
      const seenIn = owner.get(key);
      if (seenIn && seenIn !== file) problems.push({ kind: 'module in two chunks', module: key, files: [seenIn, file] });
      else owner.set(key, file);
    }
  }
  for (const f of files.values()) {
    if (!f.sources) continue;
    /** @type {Map<string, Set<string>>} */
    const copies = new Map();
    for (const source of f.sources) {
      const { key } = moduleKey(source);
      if (!copies.has(key)) copies.set(key, new Set());
      copies.get(key).add(source);
    }
    for (const [key, set] of copies) {
      if (set.size > 1) problems.push({ kind: 'two copies in one file', module: key, files: [f.file], paths: [...set] });
    }
  }
  for (const lib of Object.keys(MARKERS)) {
    const holders = graphFiles.filter((file) => files.get(file)?.libraries.includes(lib));
    if (holders.length > 1) problems.push({ kind: 'library in two chunks (content marker)', module: lib, files: holders });
  }
  // One problem per module is enough to read.
  const seen = new Set();
  return problems.filter((p) => {
    const id = `${p.kind}|${p.module}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
