// Sizes (gzip level 9, as transferred), what each kind of page downloads, and the structural
// checks of the chunk graph: the loader imports nothing statically, no module is in two chunks.
import { gzipSync } from 'node:zlib';
import { isOptionalLitModule } from './plugins.mjs';

const gz = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;
const CHUNK_FACADE = '\0virtual:hearth/chunk/';

function roleOf(chunk) {
  if (chunk.fileName === 'hearth.js') return 'loader';
  if (chunk.name === 'runtime') return 'runtime';
  if (chunk.facadeModuleId?.startsWith(CHUNK_FACADE)) return `widget:${chunk.facadeModuleId.slice(CHUNK_FACADE.length)}`;
  const ids = chunk.moduleIds ?? Object.keys(chunk.modules ?? {});
  if (ids.length && ids.every((id) => /[\\/]translations[\\/][a-z]{2}\.json$/.test(id))) {
    return `strings:${/[\\/]([a-z]{2})\.json$/.exec(ids[0])[1]}`;
  }
  if (ids.some((id) => /node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:marked|dompurify)[\\/]/.test(id)))
    return 'lazy:markdown';
  return chunk.isDynamicEntry ? 'lazy' : 'shared';
}

/** Short module names for the report: `lit-html`, `core/src/config/schema.ts`. */
export function shortId(id) {
  const clean = id.replace(/^\0/, '');
  const pkg = /node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(clean);
  if (pkg) return pkg[1];
  const ws = /packages[\\/](.+)$/.exec(clean);
  return ws ? ws[1] : clean;
}

export function analyse({ modules, all, groups }) {
  const chunks = modules.filter((o) => o.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const files = chunks.map((c) => {
    const ids = c.moduleIds ?? Object.keys(c.modules ?? {});
    return {
      file: c.fileName,
      role: roleOf(c),
      bytes: Buffer.byteLength(c.code),
      gzip: gz(c.code),
      imports: c.imports,
      dynamicImports: c.dynamicImports,
      packages: [...new Set(ids.map(shortId).map((s) => (s.includes('/') && !s.startsWith('@') ? s.split('/')[0] : s)))].sort(),
    };
  });
  const allChunk = all.find((o) => o.type === 'chunk' && o.isEntry);
  files.push({
    file: 'hearth.all.js',
    role: 'all-in-one',
    bytes: Buffer.byteLength(allChunk.code),
    gzip: gz(allChunk.code),
    imports: [],
    dynamicImports: [],
    packages: [],
  });

  // Checks that keep the design honest; a failure stops the build.
  const problems = [];
  const loader = byFile.get('hearth.js');
  if (!loader) problems.push('no hearth.js was produced');
  else if (loader.imports.length)
    problems.push(`hearth.js statically imports ${loader.imports.join(', ')}: the loader must fetch chunks only on demand`);
  const owner = new Map();
  for (const c of chunks) {
    for (const id of c.moduleIds ?? Object.keys(c.modules ?? {})) {
      if (owner.has(id)) problems.push(`${shortId(id)} is in both ${owner.get(id)} and ${c.fileName}`);
      else owner.set(id, c.fileName);
    }
  }
  // A classic script's top-level `var`s are globals: hearth.all.js must be one wrapped function.
  if (!/^\(function\s*\(\)\s*\{|^\(\(\)\s*=>\s*\{/.test(allChunk.code))
    problems.push('hearth.all.js is not wrapped in a function: its top-level variables would become globals of the host page');
  const runtimeFiles = files.filter((f) => f.role === 'runtime');
  if (runtimeFiles.length !== 1) problems.push(`expected one runtime chunk, found ${runtimeFiles.length}`);
  for (const dep of ['lit-html', 'i18next', 'zod']) {
    // Stateless directives (`repeat`, `keyed`, `static-html`) may live in the one widget chunk that uses them.
    const holders = chunks
      .filter((c) => (c.moduleIds ?? []).some((id) => shortId(id) === dep && !isOptionalLitModule(id)))
      .map((c) => c.fileName);
    if (holders.length > 1) problems.push(`${dep} is split over ${holders.join(', ')}`);
    if (holders.length === 1 && byFile.get(holders[0])?.name !== 'runtime')
      problems.push(`${dep} is in ${holders[0]}, not in the runtime chunk`);
  }
  const zodFull = [...owner.keys()].filter((id) => /zod[\\/]v4[\\/]classic[\\/]/.test(id));
  if (zodFull.length)
    problems.push(`full zod (zod/v4/classic) is bundled: ${zodFull.map(shortId).join(', ')}; browser code must use zod/mini`);
  if (problems.length) throw new Error(`[hearth build] the chunk graph is wrong:\n  - ${problems.join('\n  - ')}`);

  /** Files a page downloads up front for these chunk keys (static imports followed). */
  const staticClosure = (entryFiles) => {
    const seen = new Set();
    const queue = [...entryFiles];
    while (queue.length) {
      const file = queue.pop();
      if (!file || seen.has(file)) continue;
      seen.add(file);
      queue.push(...(byFile.get(file)?.imports ?? []));
    }
    return seen;
  };
  const fileOf = (role) => files.find((f) => f.role === role)?.file;
  const widgetKeys = [...groups.keys()].filter((k) => k && fileOf(`widget:${k}`));
  const pages = {};
  const page = (name, keys) => {
    const set = staticClosure(['hearth.js', fileOf('runtime'), ...keys.map((k) => fileOf(`widget:${k}`))]);
    const list = files.filter((f) => set.has(f.file));
    // What these widgets may fetch later (Spanish strings, Markdown tooling, demo data); the
    // loader's own dynamic imports are the other widgets, not this page's.
    const lazy = new Set(
      list
        .filter((f) => f.role !== 'loader')
        .flatMap((f) => f.dynamicImports)
        .filter((f) => !set.has(f)),
    );
    pages[name] = {
      widgets: keys,
      files: list.map((f) => f.file),
      gzip: list.reduce((n, f) => n + f.gzip, 0),
      onDemand: [...lazy].map((file) => ({
        file,
        role: files.find((f) => f.file === file)?.role,
        gzip: files.find((f) => f.file === file)?.gzip,
      })),
    };
  };
  for (const key of widgetKeys) page(key, [key]);
  // What widgets load on demand (the lead form, through loadLeadForm()) is not placed on a page by
  // itself: its elements sit in a file that some chunk other than the loader imports dynamically.
  const loadedLater = new Set(chunks.filter((c) => c.fileName !== 'hearth.js').flatMap((c) => [...staticClosure(c.dynamicImports)]));
  const onDemand = (key) =>
    (groups.get(key) ?? []).some((e) => chunks.some((c) => loadedLater.has(c.fileName) && (c.moduleIds ?? []).includes(e.file)));
  page(
    'all-widgets',
    widgetKeys.filter((k) => !onDemand(k)),
  );

  return { generated: new Date().toISOString(), files, pages };
}

export function printReport(stats) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const rows = stats.files.map((f) => [f.file, f.role, kb(f.bytes), kb(f.gzip), f.packages.slice(0, 8).join(' ')]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['file', 'role', 'min', 'gzip -9'][i].length));
  const line = (r) => r.map((c, i) => (i < 4 ? (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i])) : c)).join('  ');
  console.log(line(['file', 'role', 'min', 'gzip -9', 'contains']));
  for (const r of rows) console.log(line(r));
  console.log('\nup-front download per page (loader + runtime + chunks, static imports followed):');
  for (const [name, p] of Object.entries(stats.pages)) {
    const lazy = p.onDemand.map((l) => `${l.role} ${kb(l.gzip ?? 0)}`).join(', ');
    console.log(`  ${name.padEnd(12)} ${kb(p.gzip).padStart(8)}  ${lazy ? `(on demand: ${lazy})` : ''}`);
  }
}
