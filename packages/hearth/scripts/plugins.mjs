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
        preload[key] = [...closure(chunk.fileName)].map(chunkId);
      }
      replaceMark(loader, PRELOAD_MARK, preload);
    },
  };
}

/** `chunks/es-C_AVc6i5.js` → `es-C_AVc6i5`: the loader's table names chunks this short way (every one is in chunks/). */
function chunkId(file) {
  const id = /^chunks\/(.+)\.js$/.exec(file)?.[1];
  if (!id) throw new Error(`[hearth build] ${file} is not a chunk under chunks/`);
  return id;
}

/** Puts `value` (JSON) where the loader's source has the string `mark`, however the minifier quoted it. */
function replaceMark(loader, mark, value) {
  const quoted = [`"${mark}"`, `'${mark}'`, `\`${mark}\``].find((m) => loader.code.includes(m));
  if (!quoted) throw new Error(`[hearth build] ${mark} was not found in hearth.js`);
  loader.code = loader.code.split(quoted).join(`(${JSON.stringify(value)})`);
}

/**
 * Lit's directives and `lit/static-html`: stateless helpers a single widget may use alone
 * (`repeat` in the FAQ, `keyed` in the assessment). They join the runtime chunk only when the
 * runtime itself or two widget chunks use them, so a page without that widget does not download them.
 */
const LIT_OPTIONAL =
  /[\\/](?:lit-html[\\/](?:directives[\\/][^\\/]+|static|directive-helpers|async-directive|directive)|lit[\\/](?:directives[\\/][^\\/]+|static-html|directive-helpers|async-directive|directive))\.js$/;

/** A lit directive or `lit/static-html` (see LIT_OPTIONAL). */
export const isOptionalLitModule = (id) => LIT_OPTIONAL.test(id);

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
      /** @type {Map<string, number>} */
      const litUsers = new Map();
      for (const entry of widgetEntries) {
        for (const id of reach(entry, closure)) if (LIT_OPTIONAL.test(id)) litUsers.set(id, (litUsers.get(id) ?? 0) + 1);
      }
      for (const [id, count] of litUsers) if (count > 1) closure.add(id);
    },
  };
  const test = (id) => {
    if (/\.json(?:\?|$)/.test(id)) return false;
    if (LIT_OPTIONAL.test(id)) return closure?.has(id) ?? false;
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
  // From package.json (as packages/core/src/version.ts is: scripts/write-versions.mjs writes it).
  return JSON.parse(readFileSync(join(PACKAGES, 'core/package.json'), 'utf8')).version;
}

/**
 * Minifies the static text of one `css` template: comments go, whitespace runs become one space,
 * and the spaces next to `{ } ; , >` and after `:` go, as does the `;` before `}`. Quoted strings
 * are kept as written. Never touched: spaces before `:` (`.a :focus` is not `.a:focus`) or around
 * parentheses (`and (` is not `and(`), `+` and `-` (calc needs them).
 */
export function minifyCssText(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      out += ' ';
    } else if (ch === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else if (/\s/.test(ch)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      out += ' ';
    } else {
      out += ch;
      i++;
    }
  }
  // Outside strings only: split on quoted strings and squeeze the rest.
  return out
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((part, n) =>
      n % 2
        ? part
        : part
            .replace(/ *([{};,>]) */g, '$1')
            .replace(/: +/g, ':')
            .replace(/;}/g, '}')
            .replace(/ {2,}/g, ' '),
    )
    .join('');
}

/**
 * Whitespace in an `html` template's static text: a run that holds a line break (the source's
 * indentation) becomes one line break. The DOM then holds the same text nodes, which render
 * alike (no template of ours uses `<pre>`, `<textarea>` or `white-space: pre`).
 */
export function minifyHtmlText(text) {
  return text.replace(/[ \t]*\n\s*/g, '\n');
}

/**
 * The script-tag build's templates: every `css` template of a workspace module is minified
 * (minifyCssText) and every `html` one loses its indentation (minifyHtmlText), so phones do not
 * download the source's layout. Source, tests and the npm packages keep the readable templates.
 * (Writing `${token('--x')}` out as `var(--x,default)` text was measured too: it compressed
 * 0.1–0.3 KB worse than the calls, so the build leaves them.)
 */
export function minifyTemplates() {
  return {
    name: 'hearth:minify-templates',
    enforce: /** @type {const} */ ('post'),
    transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]src[\\/].*\.ts$/.test(id) || !/\b(?:css|html)`/.test(code)) return null;
      const out = minifyTemplatesIn(minifyTemplatesIn(code, 'css', minifyCssText, id), 'html', minifyHtmlText, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Reads a template literal's body from `start` (just after its backtick) to its closing
 * backtick: static text runs and `${…}` expressions. Expressions may hold strings and nested
 * templates; a regular expression literal holding a backtick or brace would mislead it, so the
 * build fails loudly (`unterminated`) rather than guess.
 * @returns {{ texts: string[], exprs: string[], end: number }} `end` is the closing backtick's index
 */
function readTemplate(code, start, id) {
  const texts = [''];
  const exprs = [];
  let i = start;
  for (;;) {
    const ch = code[i];
    if (ch === undefined) throw new Error(`[hearth build] ${id}: unterminated template literal`);
    if (ch === '`') return { texts, exprs, end: i };
    if (ch === '\\') {
      texts[texts.length - 1] += code.slice(i, i + 2);
      i += 2;
    } else if (ch === '$' && code[i + 1] === '{') {
      const end = skipExpression(code, i + 2, id);
      exprs.push(code.slice(i + 2, end));
      texts.push('');
      i = end + 1;
    } else {
      texts[texts.length - 1] += ch;
      i++;
    }
  }
}

/** The index of the `}` that closes the expression starting at `i`. */
function skipExpression(code, i, id) {
  let depth = 0;
  for (;;) {
    const ch = code[i];
    if (ch === undefined) throw new Error(`[hearth build] ${id}: unterminated template expression`);
    if (ch === '"' || ch === "'") {
      i++;
      while (code[i] !== ch) {
        if (code[i] === undefined) throw new Error(`[hearth build] ${id}: unterminated string in a template expression`);
        i += code[i] === '\\' ? 2 : 1;
      }
    } else if (ch === '`') {
      i = readTemplate(code, i + 1, id).end;
    } else if (ch === '/' && code[i + 1] === '/') {
      i = code.indexOf('\n', i);
      if (i === -1) throw new Error(`[hearth build] ${id}: unterminated template expression`);
    } else if (ch === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i + 2) + 1;
      if (i === 0) throw new Error(`[hearth build] ${id}: unterminated comment in a template expression`);
    } else if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    }
    i++;
  }
}

/** The text transform of {@link minifyTemplates} for one tag, nested templates included. */
export function minifyTemplatesIn(code, tag, minifyText, id = 'module') {
  const pattern = new RegExp(`\\b${tag}\``, 'g');
  let out = '';
  let last = 0;
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) {
    const start = match.index + match[0].length;
    const { texts, exprs, end } = readTemplate(code, start, id);
    const mini = texts.map((text, n) => {
      let m = minifyText(text);
      // The ends of a stylesheet are insignificant; an html template's first and last text nodes are kept.
      if (tag === 'css' && n === 0) m = m.trimStart();
      if (tag === 'css' && n === texts.length - 1) m = m.trimEnd();
      return m;
    });
    const inner = exprs.map((expr) => minifyTemplatesIn(expr, tag, minifyText, id));
    out += code.slice(last, start) + mini.map((m, n) => (n < inner.length ? `${m}\${${inner[n]}}` : m)).join('');
    last = end;
    pattern.lastIndex = end + 1;
  }
  return last === 0 ? code : out + code.slice(last);
}
