#!/usr/bin/env node
// Builds the script-tag distribution of Hearth into packages/hearth/dist:
//   hearth.js            the ES module loader (no static imports: it fetches chunks on demand)
//   chunks/*.js          runtime (lit, i18next, zod/mini, core, provider), one chunk per widget
//                        package, and on-demand pieces (Spanish strings, Markdown tooling)
//   hearth.all.js        one classic script (IIFE) with everything
//   custom-elements.json the manifest, from the widgets' JSDoc
//   hearth.d.ts          window.Hearth and HTMLElementTagNameMap for every tag
//   stats.json           gzip sizes, the files each page downloads, the module → chunk map
// Usage: node scripts/build.mjs [--quiet]
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, defaultClientConditions } from 'vite';
import { discoverWidgets } from './widgets.mjs';
import {
  chunkGroups,
  coreVersion,
  isRuntimeModule,
  keepRegistrations,
  minifyTemplates,
  noHostGlobals,
  runtimeChunk,
  widgetModules,
} from './plugins.mjs';
import { analyse, printReport } from './stats.mjs';
import { writeManifest } from './manifest.mjs';
import { writeDeclarations } from './declarations.mjs';

const PKG = resolve(import.meta.dirname, '..');
const DIST = join(PKG, 'dist');
const args = new Set(process.argv.slice(2));

// Full minification (Vite's library mode keeps ES output readable for downstream bundlers; ours
// goes straight to phones). Licence texts go to THIRD-PARTY-LICENSES.txt instead of every file.
const MINIFY = { minify: true, comments: { legal: false, annotation: false, jsdoc: false } };

/** `chunks/<name>-<hash>.js`, with a package's name instead of a folder's or a generic file's (`src`, `index`, `define`). */
function chunkFileName(chunk) {
  let name = chunk.name;
  if (['src', 'index', 'define'].includes(name)) {
    const first = (chunk.moduleIds ?? []).map((id) => /[\\/]packages[\\/]([^\\/]+)[\\/]/.exec(id)?.[1]).find(Boolean);
    if (first) name = first;
  }
  return `chunks/${name}-[hash].js`;
}

function common() {
  return {
    configFile: false,
    root: PKG,
    logLevel: 'warn',
    publicDir: false,
    // Build from the workspace sources (the "source" export condition): no package needs building first.
    resolve: { conditions: ['source', ...defaultClientConditions] },
    define: { __HEARTH_VERSION__: JSON.stringify(coreVersion()) },
    plugins: [widgetModules(), noHostGlobals(), keepRegistrations(), minifyTemplates()],
    build: { rolldownOptions: { checks: { pluginTimings: false } } },
  };
}

/** The loader and its chunks (ES modules). */
export async function buildModules(outDir = DIST) {
  const runtime = runtimeChunk(join(PKG, 'src/runtime.ts'));
  const output = await build({
    ...common(),
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: 'oxc',
      sourcemap: true,
      // No preload helper: it would add <link> elements to the host page and bytes to the loader.
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      // Library mode: no preload helper around dynamic imports (it would add <link> elements to the
      // host page, and the helper module itself would end up in the runtime chunk).
      lib: { entry: { hearth: join(PKG, 'src/loader.ts') }, formats: ['es'] },
      rolldownOptions: {
        plugins: [runtime.plugin],
        // A widget chunk may also export what its on-demand parts share with it (the assessment's
        // later steps): no namespace wrapper, and no extra runtime-helper file for it.
        preserveEntrySignatures: 'allow-extension',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: chunkFileName,
          codeSplitting: { groups: [{ name: 'runtime', test: runtime.test }] },
          ...MINIFY,
        },
      },
    },
  });
  return (Array.isArray(output) ? output[0] : output).output;
}

/**
 * What the all-in-one file loads on demand, as it does in the loader's build: Spanish strings,
 * the Markdown tooling (for `src` Markdown only), demo data. A chunk of the module build that
 * imports nothing is reused as is (one cached file for both); any other is rebuilt standalone,
 * and must then not contain lit, i18next, zod or core (a second copy of those would not share
 * the first one's state). Returns module id → file under dist/.
 */
export async function buildLazyForAll(modules, outDir = DIST) {
  const chunks = modules.filter((o) => o.type === 'chunk');
  const lazy = chunks.filter((c) => c.isDynamicEntry && c.facadeModuleId && !c.facadeModuleId.startsWith('\0') && c.name !== 'runtime');
  const map = new Map();
  const standalone = {};
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const reachesRuntime = (c, seen = new Set()) =>
    c.name === 'runtime' || c.imports.some((f) => !seen.has(f) && seen.add(f) && reachesRuntime(byFile.get(f), seen));
  for (const c of lazy) {
    if (c.imports.length === 0) map.set(c.facadeModuleId, c.fileName);
    // Parts that share the runtime's state (the lead form and pipeline use lit and core) stay
    // inside hearth.all.js: a standalone copy would duplicate that state.
    else if (!reachesRuntime(c)) standalone[`${c.name}.standalone`] = c.facadeModuleId;
  }
  if (Object.keys(standalone).length === 0) return map;
  const output = await build({
    ...common(),
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: 'oxc',
      sourcemap: true,
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      lib: { entry: standalone, formats: ['es'] },
      rolldownOptions: {
        output: { format: 'es', entryFileNames: 'chunks/[name]-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js', ...MINIFY },
      },
    },
  });
  const problems = [];
  for (const c of (Array.isArray(output) ? output[0] : output).output) {
    if (c.type !== 'chunk') continue;
    if (c.isEntry) map.set(c.facadeModuleId, c.fileName);
    for (const id of c.moduleIds) if (isRuntimeModule(id)) problems.push(`${c.fileName} contains ${id}`);
  }
  if (problems.length)
    throw new Error(`[hearth build] an on-demand part of hearth.all.js would duplicate shared state:\n  - ${problems.join('\n  - ')}`);
  return map;
}

/** In the all-in-one build, dynamic imports of on-demand parts load the files built above. */
function lazyExternals(map) {
  const jsonImport = /\bimport\(\s*(['"][^'"]+\.json['"])\s*,\s*\{\s*with\s*:\s*\{\s*type\s*:\s*['"]json['"]\s*\}\s*\}\s*\)/g;
  return {
    name: 'hearth:all-lazy',
    enforce: 'pre',
    // Strings load as the JS chunks the module build made of them: drop the JSON import attribute.
    transform(code, id) {
      if (!/[\\/]packages[\\/]/.test(id) || !code.includes('.json')) return null;
      const out = code.replace(jsonImport, (_m, spec) => `import(${spec})`);
      return out === code ? null : { code: out, map: null };
    },
    async resolveId(source, importer, options) {
      if (options?.kind !== 'dynamic-import') return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const file = resolved && map.get(resolved.id);
      // A classic script resolves import() against its own URL: chunks/ next to hearth.all.js.
      return file ? { id: `./${file}`, external: true } : null;
    },
  };
}

/** The all-in-one classic script. */
export async function buildAllInOne(lazy = new Map(), outDir = DIST) {
  const base = common();
  const output = await build({
    ...base,
    plugins: [lazyExternals(lazy), ...base.plugins],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: 'oxc',
      sourcemap: true,
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      // `name` is required by Vite for IIFE; the entry exports nothing, so no global is created.
      lib: { entry: join(PKG, 'src/all.ts'), formats: ['iife'], name: 'HearthAllInOne' },
      rolldownOptions: {
        output: { format: 'iife', entryFileNames: 'hearth.all.js', codeSplitting: false, ...MINIFY },
      },
    },
  });
  return (Array.isArray(output) ? output[0] : output).output;
}

/** The licence texts of the third-party code in the bundle (minified files carry no comments). */
function writeLicenses(outDir, ...outputs) {
  const packages = new Map();
  for (const output of outputs) {
    for (const chunk of output) {
      if (chunk.type !== 'chunk') continue;
      for (const id of chunk.moduleIds) {
        const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id.replace(/^\0/, ''));
        if (match && !packages.has(match[1])) packages.set(match[1], true);
      }
    }
  }
  const sections = [];
  for (const dir of [...packages.keys()].sort()) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(?:licen[cs]e|copying)(?:\.|$)/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${pkg.license ?? 'unknown'}`;
    sections.push(`${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})\n\n${text}`);
  }
  writeFileSync(
    join(outDir, 'THIRD-PARTY-LICENSES.txt'),
    `Third-party code bundled in Hearth's dist/ files.\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
  );
}

/**
 * Builds everything into a fresh folder and swaps it in, so a server reading dist/ (pnpm start)
 * never sees a half-written build.
 */
export async function buildAll({ quiet = args.has('--quiet') } = {}) {
  const started = Date.now();
  const next = `${DIST}.next`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  const widgets = discoverWidgets();
  const modules = await buildModules(next);
  const lazy = await buildLazyForAll(modules, next);
  const all = await buildAllInOne(lazy, next);
  const stats = analyse({ modules, all, groups: chunkGroups(widgets) });
  writeFileSync(join(next, 'stats.json'), `${JSON.stringify(stats, null, 2)}\n`);
  await writeManifest(next, widgets);
  writeDeclarations(next, widgets);
  writeLicenses(next, modules, all);
  if (existsSync(DIST)) rmSync(DIST, { recursive: true, force: true });
  renameSync(next, DIST);
  if (!quiet) printReport(stats);
  console.log(
    `[hearth] built dist/ in ${((Date.now() - started) / 1000).toFixed(1)}s (${widgets
      .flatMap((w) => w.elements)
      .map((e) => `<${e.tag}>`)
      .join(' ')})`,
  );
  return stats;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await buildAll();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
