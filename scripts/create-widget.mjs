#!/usr/bin/env node
// Scaffolds a widget package: packages/<name>/ (class, styles, define, index, translations, README,
// a browser test with axe, a translations test) and stories/hearth-<name>.stories.ts, from
// scripts/templates/widget/. The script-tag build finds the new tag by itself (it discovers every
// `X.define('hearth-…')` in a package's exports), so nothing else needs editing.
//
// Usage: pnpm create:widget <name> [--dir <packagesDir>] [--no-install]
//        pnpm run create widget <name> …   (`pnpm create` alone is pnpm's own command)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_MAPS, PREPACK, publishingFields } from './publishing.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES = join(ROOT, 'scripts/templates/widget');

/**
 * Names that are not widgets: the workspace's own packages (present or planned), words the
 * script-tag build uses for its chunks, and folder names that would confuse a reader.
 */
export const RESERVED = new Set([
  'hearth',
  'core',
  'lead',
  'lead-form',
  'lead-receiver',
  'receiver',
  'content',
  'embed',
  'provider',
  'element',
  'all',
  'runtime',
  'loader',
  'shared',
  'chunks',
  'types',
  'schema',
  'schemas',
  'define',
  'index',
  'widget',
  'widgets',
  'test',
  'tests',
  'scripts',
  'stories',
  'examples',
  'bench',
  'docs',
  'src',
  'dist',
]);

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Why `name` cannot be a new widget in `packagesDir`, or undefined when it can. */
export function invalidName(name, packagesDir) {
  if (!name) return 'give the widget a name, e.g. `pnpm create:widget opening-hours`';
  if (name.startsWith('hearth-')) return `give the name without "hearth-": the tag becomes <hearth-${name.slice(7)}>`;
  if (!KEBAB.test(name)) return `"${name}" is not kebab-case (lower-case letters and digits, words joined by "-", starting with a letter)`;
  if (name.length > 40) return `"${name}" is longer than 40 characters`;
  if (RESERVED.has(name)) return `"${name}" is reserved`;
  if (name.startsWith('content-')) return `"content-…" names are content packs, not widgets`;
  if (existsSync(join(packagesDir, name))) return `packages/${name} already exists`;
  for (const dir of existsSync(packagesDir) ? readdirSync(packagesDir) : []) {
    const pkgFile = join(packagesDir, dir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    if (JSON.parse(readFileSync(pkgFile, 'utf8')).name === `@hearth/${name}`) return `@hearth/${name} already exists (packages/${dir})`;
  }
  return undefined;
}

/** Why the tag is taken (`faq-item` → <hearth-faq-item> is in packages/faq), or undefined. */
async function takenTag(name, packagesDir) {
  const { discoverWidgets } = await import('../packages/hearth/scripts/widgets.mjs');
  for (const w of discoverWidgets(packagesDir)) {
    if (w.elements.some((e) => e.tag === `hearth-${name}`)) return `<hearth-${name}> is already defined in packages/${w.key}`;
  }
  return undefined;
}

/** "opening-hours" → { name, Name: "OpeningHours", title: "Opening hours" } */
export function namesFor(name) {
  const words = name.split('-');
  return {
    name,
    Name: words.map((w) => w[0].toUpperCase() + w.slice(1)).join(''),
    title: words.join(' ').replace(/^./, (c) => c.toUpperCase()),
  };
}

function fill(text, names) {
  return text.replaceAll('__name__', names.name).replaceAll('__Name__', names.Name).replaceAll('__title__', names.title);
}

function templateFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? templateFiles(path, base) : [relative(base, path)];
  });
}

function packageJson(names, packagesDir) {
  // The same lit range and version as core: one lit per page, one version for the SDK (a changesets `fixed` group).
  const corePkg = join(packagesDir, 'core/package.json');
  const core = existsSync(corePkg) ? JSON.parse(readFileSync(corePkg, 'utf8')) : {};
  const lit = core.peerDependencies?.lit ?? '^3.3.3';
  const pkg = {
    name: `@hearth/${names.name}`,
    version: core.version ?? '0.1.0',
    type: 'module',
    license: 'MIT',
    ...publishingFields(names.name),
    sideEffects: ['./dist/define.js', './src/define.ts'],
    description: `<hearth-${names.name}>: ${names.title.toLowerCase()}`,
    exports: {
      '.': { source: './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' },
      [`./hearth-${names.name}.js`]: { source: './src/define.ts', types: './dist/define.d.ts', default: './dist/define.js' },
    },
    files: ['dist', 'src', 'CHANGELOG.md', NO_MAPS],
    scripts: { build: 'tsc -p tsconfig.build.json', prepack: PREPACK },
    dependencies: { '@hearth/core': 'workspace:*', lit },
    peerDependencies: { lit },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * The script-tag package's dist/hearth.d.ts imports every widget's types, so it depends on each
 * widget package (that also makes `pnpm build` build the widget first).
 */
function addToScriptTagPackage(names, packagesDir) {
  const file = join(packagesDir, 'hearth/package.json');
  if (!existsSync(file)) return undefined;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.dependencies ??= {};
  if (pkg.dependencies[`@hearth/${names.name}`]) return undefined;
  pkg.dependencies[`@hearth/${names.name}`] = 'workspace:*';
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  return file;
}

async function formatFiles(files) {
  // Prettier from the workspace, with the workspace's settings, wherever the files are written.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(join(ROOT, 'package.json'))) ?? {};
  for (const file of files) {
    if (file.endsWith('LICENSE')) continue; // plain text
    const source = readFileSync(file, 'utf8');
    const formatted = await prettier.format(source, { ...options, filepath: file });
    if (formatted !== source) writeFileSync(file, formatted);
  }
}

/** Writes the package and its story; returns the files written (absolute paths). */
export async function createWidget(name, { packagesDir = join(ROOT, 'packages'), storiesDir } = {}) {
  const problem = invalidName(name, packagesDir) ?? (await takenTag(name, packagesDir));
  if (problem) throw new Error(problem);
  const names = namesFor(name);
  const pkgDir = join(packagesDir, name);
  const stories = storiesDir ?? join(packagesDir, '..', 'stories');
  const written = [];
  const write = (file, text) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: 'wx' }); // never overwrite
    written.push(file);
  };
  write(join(pkgDir, 'package.json'), packageJson(names, packagesDir));
  for (const file of templateFiles(TEMPLATES)) {
    const [area, ...rest] = file.split(/[\\/]/);
    const target = fill(join(area === 'stories' ? stories : pkgDir, ...rest), names).replace(/\.tpl$/, '');
    write(target, fill(readFileSync(join(TEMPLATES, file), 'utf8'), names));
  }
  await formatFiles(written);
  const edited = addToScriptTagPackage(names, packagesDir);
  return { written, edited };
}

function install(cwd) {
  for (const args of [['install', '--offline'], ['install']]) {
    console.log(`[create-widget] pnpm ${args.join(' ')}`);
    const result = spawnSync('pnpm', args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status === 0) return true;
  }
  return false;
}

async function main(argv) {
  const args = [...argv];
  const option = (flag) => {
    const i = args.indexOf(flag);
    if (i === -1) return undefined;
    const [, value] = args.splice(i, 2);
    if (!value) throw new Error(`${flag} needs a value`);
    return value;
  };
  const packagesDir = resolve(option('--dir') ?? join(ROOT, 'packages'));
  const noInstall = args.includes('--no-install');
  const positional = args.filter((a) => !a.startsWith('--'));
  // `pnpm run create widget <name>`: the first word says what to create.
  if (positional[0] === 'widget') positional.shift();
  if (positional.length > 1) throw new Error(`one name at a time (got ${positional.join(', ')})`);
  const [name] = positional;

  const { written, edited } = await createWidget(name, { packagesDir });
  const show = (f) => relative(process.cwd(), f) || f;
  console.log(`[create-widget] <hearth-${name}> in ${show(join(packagesDir, name))}:`);
  for (const file of written) console.log(`  + ${show(file)}`);
  if (edited) console.log(`  ~ ${show(edited)} (depends on @hearth/${name}: dist/hearth.d.ts imports its types)`);

  const workspace = dirname(packagesDir);
  if (!noInstall && existsSync(join(workspace, 'pnpm-workspace.yaml')) && !install(workspace)) {
    console.error('[create-widget] pnpm install failed: run it yourself so the package is linked.');
    process.exitCode = 1;
  } else if (noInstall) console.log('[create-widget] --no-install: run `pnpm install` to link the package.');
  console.log(`
Next:
  pnpm --filter @hearth/${name} build
  HEARTH_TEST_FILES="packages/${name}/test/**/*.test.ts" pnpm test:browser
  pnpm build   # <hearth-${name}> is in hearth.js, hearth.all.js and custom-elements.json
Then make it yours: src/hearth-${name}.ts, src/translations/{en,es}.json (translate the title), README.md.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`[create-widget] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
