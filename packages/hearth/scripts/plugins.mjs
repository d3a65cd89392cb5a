// Vite/rolldown plugins of the script-tag build: the generated widget table and chunk modules,
// the shared-chunk rule, and the removal of the few globals our dependencies write on the host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGES, RUNTIME_PACKAGE, discoverWidgets } from './widgets.mjs';

const WIDGETS_ID = 'virtual:hearth/widgets';
const ALL_ID = 'virtual:hearth/all';
const CHUNK_PREFIX = 'virtual:hearth/chunk/';
const PRELOAD_MARK = '__HEARTH_PRELOAD__';

/**
 * The chunk key of each element group: one per package, named after its folder (`faq`, `lead`);
 * core's elements (the provider) live in the runtime (key ''). What a widget loads on demand
 * (`<hearth-lead-form>` through `loadLeadForm()`) is a dynamic import of its own and never part of
 * the first download, whatever its chunk key.
 */
export function chunkGroups(widgets = discoverWidgets()) {
  /** @type {Map<string, import('./widgets.mjs').ElementInfo[]>} */
  const groups = new Map();
  for (const w of widgets) {
    for (const e of w.elements) {
      const key = w.key === RUNTIME_PACKAGE ? '' : w.key;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
  }
  return groups;
}

function elementsModule(elements) {
  const imports = elements.map((e, i) => `import { ${e.className} as E${i} } from ${JSON.stringify(e.file)};`);
  const list = elements.map((e, i) => `[${JSON.stringify(e.suffix)}, E${i}]`);
  return `${imports.join('\n')}\nexport const elements = [${list.join(', ')}];\n`;
}

/** `virtual:hearth/widgets` (the loader's table), `virtual:hearth/chunk/<key>` and `virtual:hearth/all`. */
export function widgetModules() {
  let groups = chunkGroups();
  return {
    name: 'hearth:widgets',
    buildStart() {
      groups = chunkGroups();
      // Rebuild (watch mode) when a widget package appears or changes its exports.
      for (const dir of [PACKAGES]) this.addWatchFile?.(dir);
    },
    resolveId(id) {
      if (id === WIDGETS_ID || id === ALL_ID || id.startsWith(CHUNK_PREFIX)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:hearth/')) return null;
      const bare = id.slice(1);
      if (bare === WIDGETS_ID) {
        const table = {};
        const loaders = [];
        for (const [key, elements] of groups) {
          for (const e of elements) table[e.suffix] = key;
          if (key) loaders.push(`${JSON.stringify(key)}: () => import(${JSON.stringify(CHUNK_PREFIX + key)})`);
        }
        // `preload` is filled in by generateBundle, once chunk file names are known.
        return `export const tags = ${JSON.stringify(table)};\nexport const chunks = {${loaders.join(', ')}};\nexport const preload = ${JSON.stringify(PRELOAD_MARK)};\n`;
      }
      if (bare === ALL_ID) return elementsModule([...groups.values()].flat());
      if (bare.startsWith(CHUNK_PREFIX)) {
        const key = bare.slice(CHUNK_PREFIX.length);
        const elements = groups.get(key);
        if (!elements) throw new Error(`[hearth build] no element group "${key}"`);
        return elementsModule(elements);
      }
      return null;
    },
    /**
     * The loader imports each chunk's static dependencies at the same time as the chunk itself,
     * so the browser fetches them in parallel instead of discovering them one round trip later.
     */
    generateBundle(_options, bundle) {
      const loader = bundle['hearth.js'];
      if (!loader || loader.type !== 'chunk') return;
      const closure = (file, seen = new Set()) => {
        for (const dep of bundle[file]?.imports ?? []) if (!seen.has(dep)) closure(dep, seen.add(dep));
        return seen;
      };
      /** @type {Record<string, string[]>} */
      const preload = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const facade = chunk.facadeModuleId ?? '';
        const key = facade.startsWith(`\0${CHUNK_PREFIX}`)
          ? facade.slice(CHUNK_PREFIX.length + 1)
          : chunk.name === 'runtime'
            ? ''
            : undefined;
        if (key === undefined) continue;
        preload[key] = [...closure(chunk.fileName)].map((f) => `./${f}`);
      }
      const marks = [`"${PRELOAD_MARK}"`, `'${PRELOAD_MARK}'`, `\`${PRELOAD_MARK}\``];
      const mark = marks.find((m) => loader.code.includes(m));
      if (!mark) throw new Error('[hearth build] the preload table was not found in hearth.js');
      loader.code = loader.code.split(mark).join(`(${JSON.stringify(preload)})`);
    },
  };
}

const SHARED_DEPS =
  /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:lit|lit-html|lit-element|@lit[\\/][^\\/]+|@lit-labs[\\/][^\\/]+|i18next|zod)[\\/]/;

/**
 * Translation registration is a side effect (`registerTranslations(...)` at module top). A
 * package whose "sideEffects" list forgets such a module would have it dropped by any bundler,
 * and its strings with it: keep every workspace module that registers strings.
 */
export function keepRegistrations() {
  return {
    name: 'hearth:keep-registrations',
    transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/.test(id) || !/^registerTranslations\(/m.test(code)) return null;
      return { code, map: null, moduleSideEffects: true };
    },
  };
}

/**
 * Modules whose state must exist once per page: lit, i18next, zod, @hearth/core (config, strings)
 * and @hearth/lead (the page's one outbox and its resume check).
 */
export function isRuntimeModule(id) {
  return SHARED_DEPS.test(id) || /[\\/]packages[\\/](?:core|lead)[\\/]src[\\/]/.test(id);
}

/** A domain package's config section and lead summary (`@hearth/<pkg>/schema`, DOM-free). */
const SCHEMA_MODULE = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/]schema\.ts$/;

/**
 * The one shared chunk: lit, @lit/*, i18next, zod/mini, and every module `src/runtime.ts` reaches
 * through static imports (core and the provider). Dynamic imports (Spanish strings, Markdown
 * tooling) stay out, so they load only when needed. A domain `/schema` module that two or more
 * widget chunks import (coverage's: the assessment reads `coverage` too) joins it as well: as a
 * chunk of its own it cost every such page one more request and compressed worse, and it is part
 * of the config envelope, as the domain sections were in core before (issue 11). It then
 * registers its section on every page, like those did.
 */
export function runtimeChunk(runtimeEntry) {
  /** @type {Set<string> | undefined} */
  let closure;
  const plugin = {
    name: 'hearth:runtime-chunk',
    buildEnd() {
      closure = new Set();
      /** Every module `entry` reaches through static imports, short of on-demand ones and `stop`. */
      const reach = (entry, stop = new Set()) => {
        const seen = new Set();
        const queue = [entry];
        while (queue.length) {
          const id = queue.pop();
          if (seen.has(id) || stop.has(id)) continue;
          const info = this.getModuleInfo(id);
          // Loaded on demand through import() somewhere (the lead pipeline, the lead form): not part of the shared chunk.
          if (id !== entry && info?.dynamicImporters.length) continue;
          seen.add(id);
          queue.push(...(info?.importedIds ?? []));
        }
        return seen;
      };
      for (const id of reach(runtimeEntry)) closure.add(id);
      const widgetEntries = [...this.getModuleIds()].filter((id) => id.startsWith(`\0${CHUNK_PREFIX}`));
      /** @type {Map<string, number>} */
      const users = new Map();
      for (const entry of widgetEntries) {
        for (const id of reach(entry, closure)) if (SCHEMA_MODULE.test(id)) users.set(id, (users.get(id) ?? 0) + 1);
      }
      for (const [id, count] of users) if (count > 1) for (const dep of reach(id, closure)) closure.add(dep);
    },
  };
  const test = (id) => {
    if (/\.json(?:\?|$)/.test(id)) return false;
    return SHARED_DEPS.test(id) || id.startsWith('\0rolldown/') || (closure?.has(id) ?? false);
  };
  return { plugin, test };
}

/**
 * Our dependencies write a few globals of their own: lit's version lists and decorator metadata
 * map, `Symbol.metadata`, zod's global config and registry. The issue allows nothing beyond
 * `window.Hearth`, and a second copy of Hearth must not share state with us through them, so each
 * becomes module-local. zod also gets `jitless`, so it never probes `new Function` (a strict CSP
 * reports the probe as a violation even though zod catches it).
 */
export function noHostGlobals() {
  const rules = [
    {
      file: /[\\/]lit-html[\\/]lit-html\.js$/,
      edits: [[/\(\s*\w+\.litHtmlVersions\s*\?\?=\s*\[\]\s*\)\.push\([^)]*\)/, 'void 0']],
    },
    {
      file: /[\\/]lit-element[\\/]lit-element\.js$/,
      edits: [[/\(\s*\w+\.litElementVersions\s*\?\?=\s*\[\]\s*\)\.push\([^)]*\)/, 'void 0']],
    },
    {
      file: /[\\/]@lit[\\/]reactive-element[\\/]reactive-element\.js$/,
      prepend: 'const litPropertyMetadata = new WeakMap();\n',
      edits: [
        [/\(\s*\w+\.reactiveElementVersions\s*\?\?=\s*\[\]\s*\)\.push\([^)]*\)/, 'void 0'],
        [/Symbol\.metadata\s*\?\?=\s*Symbol\("metadata"\)/, 'void 0'],
        [/\w+\.litPropertyMetadata\s*\?\?=\s*new WeakMap(?:\(\))?/, 'void 0'],
      ],
    },
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/,
      prepend: 'const __hearthZodGlobals = { __zod_globalConfig: { jitless: true } };\n',
      edits: [[/globalThis/g, '__hearthZodGlobals', 3]],
    },
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]registries\.js$/,
      prepend: 'const __hearthZodGlobals = {};\n',
      edits: [[/globalThis/g, '__hearthZodGlobals', 2]],
    },
  ];
  return {
    name: 'hearth:no-host-globals',
    transform(code, id) {
      const rule = rules.find((r) => r.file.test(id));
      if (!rule) return null;
      let out = code;
      for (const [pattern, replacement, expected = 1] of rule.edits) {
        const count = (out.match(pattern.global ? pattern : new RegExp(pattern.source, 'g')) ?? []).length;
        // A dependency update that changes these lines must fail the build, not leak silently.
        if (count !== expected) throw new Error(`[hearth build] ${id}: expected ${expected} match(es) of ${pattern}, found ${count}`);
        out = out.replace(pattern, replacement);
      }
      return { code: (rule.prepend ?? '') + out, map: null };
    },
  };
}

/** The version string of @hearth/core, inlined into the loader (which must not import core). */
export function coreVersion() {
  const source = readFileSync(join(PACKAGES, 'core/src/version.ts'), 'utf8');
  const match = /VERSION\s*=\s*'([^']+)'/.exec(source);
  if (!match) throw new Error('[hearth build] cannot read VERSION from packages/core/src/version.ts');
  return match[1];
}
