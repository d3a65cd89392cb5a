/**
 * `pnpm create:widget` end to end, in a throw-away copy of the workspace layout: the files it
 * writes, that they pass typecheck, lint and Prettier, that the package builds, that the
 * script-tag build's discovery (loader table, custom-elements.json) lists the new tag, and that
 * the scaffolded browser test passes in Chromium.
 *
 * The copy lives in `.tmp-scaffold-<pid>` at the repository root (ESLint ignores `.tmp*`, the root
 * tsconfig does not include it, and web-test-runner serves it from inside its root). Core is copied
 * (its dist is built there, not in packages/core); the other packages are linked read-only; the
 * script-tag package gets a copy of its package.json, which the scaffold edits. Nothing is left
 * behind, even when a step fails.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { discoverWidgets, tagTable } from '../../packages/hearth/scripts/widgets.mjs';
import { createManifest } from '../../packages/hearth/scripts/manifest.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const TMP = join(ROOT, `.tmp-scaffold-${process.pid}`);
const PACKAGES = join(TMP, 'packages');
const NAME = 'scaffold-probe';
const PKG = join(PACKAGES, NAME);
// The workspace's `tsc` (TypeScript 7, as `pnpm typecheck` and the packages' builds run it).
const TSC = join(ROOT, 'node_modules/@typescript/native/bin/tsc');
const WTR = join(ROOT, 'node_modules/@web/test-runner/dist/bin.js');

/** Every file the scaffold writes, relative to the workspace. */
const EXPECTED = [
  `packages/${NAME}/CHANGELOG.md`,
  `packages/${NAME}/LICENSE`,
  `packages/${NAME}/README.md`,
  `packages/${NAME}/package.json`,
  `packages/${NAME}/src/define.ts`,
  `packages/${NAME}/src/hearth-${NAME}.styles.ts`,
  `packages/${NAME}/src/hearth-${NAME}.ts`,
  `packages/${NAME}/src/index.ts`,
  `packages/${NAME}/src/translations/en.json`,
  `packages/${NAME}/src/translations/es.json`,
  `packages/${NAME}/test/hearth-${NAME}.test.ts`,
  `packages/${NAME}/test/translations.node.test.ts`,
  `packages/${NAME}/tsconfig.build.json`,
  `stories/hearth-${NAME}.stories.ts`,
];

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeout?: number } = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
    timeout: options.timeout ?? 60_000,
  });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

const scaffold = (...args: string[]) => run(process.execPath, ['scripts/create-widget.mjs', ...args, '--dir', PACKAGES, '--no-install']);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(TMP, join(e.parentPath, e.name)).split('\\').join('/'));
}

function removeTmp(): void {
  rmSync(TMP, { recursive: true, force: true });
}

describe('pnpm create:widget', () => {
  before(() => {
    removeTmp();
    process.on('exit', removeTmp);
    mkdirSync(PACKAGES, { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(TMP, 'node_modules'));
    cpSync(join(ROOT, 'tsconfig.base.json'), join(TMP, 'tsconfig.base.json'));
    for (const name of readdirSync(join(ROOT, 'packages'))) {
      const from = join(ROOT, 'packages', name);
      if (!existsSync(join(from, 'package.json'))) continue;
      if (name === 'core') {
        const to = join(PACKAGES, 'core');
        for (const file of ['package.json', 'tsconfig.build.json', 'src']) cpSync(join(from, file), join(to, file), { recursive: true });
        symlinkSync(realpathSync(join(from, 'node_modules')), join(to, 'node_modules'));
      } else if (name === 'hearth') {
        mkdirSync(join(PACKAGES, name));
        cpSync(join(from, 'package.json'), join(PACKAGES, name, 'package.json'));
      } else symlinkSync(from, join(PACKAGES, name));
    }
  });

  after(removeTmp);

  it('refuses a bad or taken name, and writes nothing', () => {
    for (const [name, reason] of [
      ['Opening_Hours', /kebab-case/],
      ['hearth-hours', /without "hearth-"/],
      ['core', /reserved/],
      ['content-depression', /content packs/],
      ['faq', /already exists/],
      ['faq-item', /<hearth-faq-item> is already defined/],
    ] as const) {
      const { status, output } = scaffold(name);
      assert.notEqual(status, 0, `${name} was accepted`);
      assert.match(output, reason);
    }
    assert.deepEqual(filesUnder(join(TMP, 'stories')), []);
  });

  it('writes exactly the package files and the story (`widget <name>`, as `pnpm run create widget <name>` passes it)', () => {
    const { status, output } = scaffold('widget', NAME);
    assert.equal(status, 0, output);
    assert.deepEqual([...filesUnder(PKG), ...filesUnder(join(TMP, 'stories'))].sort(), EXPECTED);
    const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
    assert.equal(pkg.name, `@hearth/${NAME}`);
    assert.deepEqual(Object.keys(pkg.exports), ['.', `./hearth-${NAME}.js`]);
    assert.deepEqual(pkg.exports[`./hearth-${NAME}.js`], {
      source: './src/define.ts',
      types: './dist/define.d.ts',
      default: './dist/define.js',
    });
    assert.equal(pkg.dependencies['@hearth/core'], 'workspace:*');
    const hearth = JSON.parse(readFileSync(join(PACKAGES, 'hearth/package.json'), 'utf8'));
    assert.equal(hearth.dependencies[`@hearth/${NAME}`], 'workspace:*', 'the script-tag package depends on the widget');
    const widget = readFileSync(join(PKG, `src/hearth-${NAME}.ts`), 'utf8');
    assert.match(widget, /export class HearthScaffoldProbe extends HearthElement/);
    assert.match(widget, /registerTranslations\('scaffold-probe', en,/);
    assert.match(widget, /expanded: \{ state: true \}/);
    assert.match(widget, /declare protected expanded: boolean;/);
    assert.match(readFileSync(join(PKG, 'test', `hearth-${NAME}.test.ts`), 'utf8'), /await expect\(el\)\.to\.be\.accessible\(\);/);
    for (const section of ['Overview', 'Usage', 'Attributes/properties', 'Slots', 'Parts', 'CSS properties', 'Events', 'Accessibility'])
      assert.match(readFileSync(join(PKG, 'README.md'), 'utf8'), new RegExp(`^## ${section}$`, 'm'));
    // pnpm install would link these; the copy links them by hand (and keeps the lockfile untouched).
    mkdirSync(join(PKG, 'node_modules/@hearth'), { recursive: true });
    symlinkSync(join(PACKAGES, 'core'), join(PKG, 'node_modules/@hearth/core'));
    symlinkSync(realpathSync(join(ROOT, 'packages/core/node_modules/lit')), join(PKG, 'node_modules/lit'));
  });

  it('passes typecheck, lint and Prettier', async () => {
    writeFileSync(
      join(TMP, 'tsconfig.json'),
      JSON.stringify({
        extends: './tsconfig.base.json',
        compilerOptions: { noEmit: true, customConditions: ['source'], types: ['node', 'mocha'] },
        include: [`packages/${NAME}/src`, `packages/${NAME}/test`, 'stories'],
      }),
    );
    const typecheck = run(process.execPath, [TSC, '--pretty', 'false', '-p', join(TMP, 'tsconfig.json')]);
    assert.equal(typecheck.status, 0, typecheck.output);

    // Linted as if it sat in packages/ and stories/, so the lit and wc rules of those folders apply.
    const eslint = new ESLint({ cwd: ROOT });
    const options = (await prettier.resolveConfig(join(ROOT, 'package.json'))) ?? {};
    for (const file of EXPECTED) {
      if (file.endsWith('/LICENSE')) continue; // plain text: nothing to format or lint
      const text = readFileSync(join(TMP, file), 'utf8');
      assert.ok(await prettier.check(text, { ...options, filepath: join(TMP, file) }), `${file} is not formatted`);
      if (!file.endsWith('.ts')) continue;
      const [result] = await eslint.lintText(text, { filePath: join(ROOT, file) });
      const problems = result?.messages.map((m) => `${file}:${m.line} ${m.ruleId}: ${m.message}`) ?? [];
      assert.deepEqual(problems, []);
    }
  });

  it('builds (tsc -p tsconfig.build.json, against core built beside it)', () => {
    const core = run(process.execPath, [TSC, '--pretty', 'false', '-p', join(PACKAGES, 'core/tsconfig.build.json')]);
    assert.equal(core.status, 0, core.output);
    const build = run(process.execPath, [TSC, '--pretty', 'false', '-p', join(PKG, 'tsconfig.build.json')]);
    assert.equal(build.status, 0, build.output);
    for (const file of ['index.js', 'index.d.ts', 'define.js', `hearth-${NAME}.js`, 'translations/es.json'])
      assert.ok(existsSync(join(PKG, 'dist', file)), `dist/${file} is missing`);
  });

  it('is found by the script-tag build: loader table, registration module, custom-elements.json', async () => {
    const widgets = discoverWidgets(PACKAGES);
    const probe = widgets.find((w) => w.key === NAME);
    assert.ok(probe, 'discoverWidgets does not list the package');
    assert.deepEqual(probe.registration, [`@hearth/${NAME}/hearth-${NAME}.js`]);
    assert.deepEqual(
      probe.elements.map((e) => [e.tag, e.className]),
      [[`hearth-${NAME}`, 'HearthScaffoldProbe']],
    );
    assert.equal(tagTable(widgets)[NAME], NAME, 'the loader maps the tag to its own chunk');
    const manifest = await createManifest([probe]);
    interface Declaration {
      tagName?: string;
      cssParts?: { name: string }[];
      cssProperties?: { name: string }[];
    }
    const modules = manifest.modules as { declarations?: Declaration[] }[];
    const declaration = modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === `hearth-${NAME}`);
    assert.ok(declaration, 'custom-elements.json does not list the tag');
    assert.deepEqual(
      declaration.cssParts?.map((p) => p.name),
      ['base', 'heading', 'body', 'toggle', 'details', 'error'],
    );
    assert.deepEqual(
      declaration.cssProperties?.map((p) => p.name),
      [`--hearth-${NAME}-background`, `--hearth-${NAME}-border`],
    );
  });

  it('passes its own browser test in Chromium', () => {
    const file = relative(ROOT, join(PKG, 'test', `hearth-${NAME}.test.ts`));
    const wtr = run(process.execPath, [WTR], { env: { HEARTH_TEST_FILES: file }, timeout: 120_000 });
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
    const output = wtr.output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    // Reworded: `pnpm test` adds up every "N passed, N failed" it sees, and these are counted as one test here.
    assert.equal(wtr.status, 0, output.slice(-3000).replaceAll(' passed, ', ' passed; '));
    assert.match(output, /\b[1-9]\d* passed, 0 failed\b/);
  });
});
