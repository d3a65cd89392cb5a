// The pieces of the script-tag build that decide what ships: widget discovery, chunk groups,
// the removal of host globals, and the checks on the chunk graph.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverWidgets, findDefinitions, tagTable } from '../scripts/widgets.mjs';
import {
  chunkGroups,
  isOptionalLitModule,
  isRuntimeModule,
  minifyCssText,
  minifyHtmlText,
  minifyTemplates,
  minifyTemplatesIn,
  noHostGlobals,
} from '../scripts/plugins.mjs';
import { analyse } from '../scripts/stats.mjs';

test('discovery finds the provider first, then every widget package’s tags', () => {
  const widgets = discoverWidgets();
  assert.equal(widgets[0]?.key, 'core');
  assert.equal(widgets[0]?.elements[0]?.tag, 'hearth-provider');
  const tags = widgets.flatMap((w) => w.elements.map((e) => e.tag));
  for (const tag of ['hearth-provider', 'hearth-assessment', 'hearth-coverage', 'hearth-faq', 'hearth-faq-item', 'hearth-guide']) {
    assert.ok(tags.includes(tag), `${tag} discovered (found ${tags.join(', ')})`);
  }
  assert.deepEqual(new Set(tags).size, tags.length, 'each tag once');
  const registration = widgets.flatMap((w) => w.registration);
  assert.ok(registration.includes('@hearth/core/hearth-provider.js'));
  assert.ok(registration.includes('@hearth/faq/hearth-faq.js'));
  assert.ok(registration.includes('@hearth/lead/hearth-lead-form.js'), 'the lead form is discovered like any package');
});

test('findDefinitions follows imports and local classes, and refuses what it cannot place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-defs-'));
  writeFileSync(join(dir, 'hearth-a.ts'), 'export class HearthA {}\n');
  const define = join(dir, 'define.ts');
  writeFileSync(
    define,
    "import { HearthA as A } from './hearth-a.js';\nexport class HearthB {}\nA.define('hearth-a');\nHearthB.define('hearth-b-c');\nOther.define('not-ours');\n",
  );
  const found = findDefinitions(define);
  assert.deepEqual(
    found.map((e) => [e.tag, e.suffix, e.className, e.file]),
    [
      ['hearth-a', 'a', 'A', join(dir, 'hearth-a.ts')],
      ['hearth-b-c', 'b-c', 'HearthB', define],
    ],
  );
  const broken = join(dir, 'broken.ts');
  writeFileSync(broken, "Missing.define('hearth-missing');\n");
  assert.throws(() => findDefinitions(broken), /cannot tell where Missing/);
});

test('chunk groups: the provider in the runtime, each package’s elements together (the lead form’s too)', () => {
  const groups = chunkGroups();
  assert.deepEqual(
    groups.get('')?.map((e) => e.tag),
    ['hearth-provider'],
  );
  assert.deepEqual(
    groups.get('lead')?.map((e) => e.tag),
    ['hearth-lead-form'],
  );
  assert.deepEqual(
    groups
      .get('faq')
      ?.map((e) => e.tag)
      .sort(),
    ['hearth-faq', 'hearth-faq-item'],
  );
  const table = tagTable(discoverWidgets());
  assert.equal(table.provider, '');
  assert.equal(table['faq-item'], 'faq');
  assert.equal(table['lead-form'], 'lead');
  assert.equal(groups.has('lead-form'), false, 'no chunk key of its own for one element');
});

test('the runtime rule covers lit, i18next, zod, core and lead, not the widgets or Markdown tooling', () => {
  assert.ok(isRuntimeModule('/w/node_modules/.pnpm/lit-html@3.3.3/node_modules/lit-html/lit-html.js'));
  assert.ok(isRuntimeModule('/w/node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/core.js'));
  assert.ok(isRuntimeModule('/w/node_modules/i18next/dist/esm/i18next.js'));
  assert.ok(isRuntimeModule('/w/packages/core/src/config/resolve.ts'));
  assert.ok(isRuntimeModule('/w/packages/lead/src/pending.ts'), 'the page has one outbox');
  assert.ok(!isRuntimeModule('/w/packages/faq/src/hearth-faq.ts'));
  assert.ok(!isRuntimeModule('/w/node_modules/.pnpm/marked@18.2.1/node_modules/marked/lib/marked.esm.js'));
});

test('lit directives stay with the one widget that uses them; lit itself stays in the runtime', () => {
  assert.ok(isOptionalLitModule('/w/node_modules/.pnpm/lit-html@3.3.3/node_modules/lit-html/directives/repeat.js'));
  assert.ok(isOptionalLitModule('/w/node_modules/lit/directives/keyed.js'));
  assert.ok(isOptionalLitModule('/w/node_modules/lit/static-html.js'));
  assert.ok(!isOptionalLitModule('/w/node_modules/lit-html/lit-html.js'));
  assert.ok(!isOptionalLitModule('/w/node_modules/lit/index.js'));
  assert.ok(!isOptionalLitModule('/w/node_modules/@lit/reactive-element/css-tag.js'));
});

test('css templates lose comments and layout, never meaning', () => {
  assert.equal(
    minifyCssText('\n  /* note */\n  .a :focus,\n  .b > .c {\n    margin: 0 0 1px;\n    content: "  a ;  ";\n  }\n'),
    ' .a :focus,.b>.c{margin:0 0 1px;content:"  a ;  "}',
  );
  // A space before a colon or around parentheses and calc's operators carries meaning: kept.
  assert.equal(
    minifyCssText('@media screen and (min-width: 40em) { .x { width: calc(1px + 2px) } }'),
    '@media screen and (min-width:40em){.x{width:calc(1px + 2px)}}',
  );
});

test('html templates lose their indentation; nested templates, strings and comments in expressions are read, not changed', () => {
  const code = [
    'const a = html`',
    '  <p class="x">',
    "    ${ok ? html`<b>\n      yes</b>` : '}'}",
    '    ${list.map((i) => { /* a } in a comment */ return i; })}',
    '  </p>`;',
  ].join('\n');
  assert.equal(
    minifyTemplatesIn(code, 'html', minifyHtmlText),
    [
      'const a = html`',
      '<p class="x">',
      "${ok ? html`<b>\nyes</b>` : '}'}",
      '${list.map((i) => { /* a } in a comment */ return i; })}',
      '</p>`;',
    ].join('\n'),
  );
  assert.throws(() => minifyTemplatesIn('html`<p>${x', 'html', minifyHtmlText), /unterminated/);
});

test('the template plugin minifies workspace sources only, and keeps token() calls', () => {
  const plugin = minifyTemplates() as { transform(code: string, id: string): { code: string } | null };
  const source = "const s = css`\n  .a {\n    color: ${token('--hearth-color-text')};\n  }\n`;";
  assert.equal(
    plugin.transform(source, '/w/packages/faq/src/x.styles.ts')?.code,
    "const s = css`.a{color:${token('--hearth-color-text')}}`;",
  );
  assert.equal(plugin.transform(source, '/w/node_modules/lit/index.js'), null);
});

test('noHostGlobals makes lit’s and zod’s globals module-local, and fails loudly when their code changes', () => {
  const plugin = noHostGlobals() as { transform(code: string, id: string): { code: string } | null };
  const lit = plugin.transform('B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");', '/n/node_modules/lit-html/lit-html.js');
  assert.equal(lit?.code, 'B?.(S,k),void 0;');
  const zod = plugin.transform(
    'const pp = globalThis.__zod_globalConfig?.p;\n(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});\nexport const globalConfig = globalThis.__zod_globalConfig;',
    '/n/node_modules/zod/v4/core/core.js',
  );
  assert.ok(zod && !zod.code.includes('globalThis'));
  assert.match(zod.code, /jitless: true/);
  assert.throws(() => plugin.transform('nothing to see', '/n/node_modules/lit-element/lit-element.js'), /expected 1 match/);
  assert.equal(plugin.transform('globalThis.x = 1', '/n/packages/faq/src/x.ts'), null);
});

type Chunk = {
  type: 'chunk';
  fileName: string;
  name: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  moduleIds: string[];
  facadeModuleId: string | null;
  isDynamicEntry: boolean;
  isEntry: boolean;
};
const chunk = (c: Partial<Chunk> & Pick<Chunk, 'fileName'>): Chunk => ({
  type: 'chunk',
  name: c.fileName,
  code: 'x',
  imports: [],
  dynamicImports: [],
  moduleIds: [],
  facadeModuleId: null,
  isDynamicEntry: false,
  isEntry: false,
  ...c,
});
const LIT = '/n/node_modules/lit-html/lit-html.js';

test('the chunk-graph checks refuse an eager loader, duplicated modules and an unwrapped all-in-one file', () => {
  const all = [chunk({ fileName: 'hearth.all.js', code: '(function(){})();', isEntry: true })];
  const good = [
    chunk({ fileName: 'hearth.js', isEntry: true, dynamicImports: ['chunks/runtime-a.js'] }),
    chunk({ fileName: 'chunks/runtime-a.js', name: 'runtime', moduleIds: [LIT] }),
  ];
  assert.doesNotThrow(() => analyse({ modules: good, all, groups: new Map() }));
  const eager = [chunk({ ...good[0]!, imports: ['chunks/runtime-a.js'] }), good[1]!];
  assert.throws(() => analyse({ modules: eager, all, groups: new Map() }), /statically imports/);
  const duplicated = [...good, chunk({ fileName: 'chunks/faq-b.js', moduleIds: [LIT] })];
  assert.throws(() => analyse({ modules: duplicated, all, groups: new Map() }), /lit-html is in both/);
  const unwrapped = [chunk({ fileName: 'hearth.all.js', code: 'var e=1;', isEntry: true })];
  assert.throws(() => analyse({ modules: good, all: unwrapped, groups: new Map() }), /not wrapped/);
});

test('the written config schema covers the envelope and every registered domain section', async () => {
  const { configSchemaDocument } = await import('../scripts/write-config-schema.mjs');
  const schema = configSchemaDocument() as unknown as {
    properties: Record<string, { properties?: Record<string, unknown> }>;
    additionalProperties: unknown;
  };
  assert.deepEqual(Object.keys(schema.properties).sort(), [
    '$schema',
    'analytics',
    'assessment',
    'brand',
    'copy',
    'coverage',
    'lead',
    'locale',
    'privacy',
  ]);
  assert.equal(schema.additionalProperties, false, 'a misspelt top-level key is flagged by editors');
  assert.ok(schema.properties.assessment?.properties?.instrument, 'the assessment section lists its instrument');
  assert.ok(schema.properties.coverage, 'the coverage section is there');
});

test('the loader carries, for each widget, every chunk that widget imports, so it can ask for them all at once', async () => {
  const { buildModules } = await import('../scripts/build.mjs');
  const out = mkdtempSync(join(tmpdir(), 'hearth-preload-'));
  const output = await buildModules(out);
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const loader = chunks.get('hearth.js')!;
  // The table the build writes into the loader: chunk key → files, e.g. {"":[…],"assessment":[…]}.
  const table = [...loader.code!.matchAll(/\((\{"[^()]*\})\)/g)]
    .map((m) => JSON.parse(m[1]!) as Record<string, string[]>)
    .find((t) => 'assessment' in t);
  assert.ok(table, 'hearth.js holds the preload table');
  const runtime = [...chunks.values()].find((c) => c.name === 'runtime')!;
  // The table names chunks/x-HASH.js as x-HASH (the loader adds the folder and extension).
  const id = (file: string) => file.replace(/^chunks\/(.+)\.js$/, '$1');
  const closure = (file: string, seen = new Set<string>()): Set<string> => {
    for (const dep of chunks.get(file)?.imports ?? []) if (!seen.has(dep)) closure(dep, seen.add(dep));
    return seen;
  };
  for (const key of ['assessment', 'coverage', 'faq', 'guide']) {
    const files: string[] | undefined = table[key];
    assert.ok(files, `a preload entry for ${key}`);
    assert.ok(files.includes(id(runtime.fileName)), `${key} preloads the runtime chunk`);
    const chunk = [...chunks.values()].find((c) => c.fileName.startsWith(`chunks/${key}-`));
    assert.ok(chunk, `the ${key} chunk`);
    assert.deepEqual(new Set(files), new Set([...closure(chunk.fileName)].map(id)), `${key}: every static import, nothing else`);
  }
  assert.deepEqual(new Set(table['']), new Set([...closure(runtime.fileName)].map(id)));
  rmSync(out, { recursive: true, force: true });
});
