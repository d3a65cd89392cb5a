// `pnpm content:edit [--port 5180] [--root <dir>] [--build]`: builds the editor when its sources
// changed, then serves it on 127.0.0.1. --root points it at another checkout or a copy of the packs
// (the browser test edits a temporary copy, never the repository's files).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEditorServer } from './server.js';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = resolve(PACKAGE, '../..');
const DIST = join(PACKAGE, 'dist');
const USAGE = 'usage: pnpm content:edit [--port <n>] [--root <dir>] [--build]';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`${name} needs a value. ${USAGE}`);
    process.exit(2);
  }
  return value;
};
for (const arg of args) {
  if (arg.startsWith('--') && !['--port', '--root', '--build', '--help'].includes(arg)) {
    console.error(`unknown option ${arg}. ${USAGE}`);
    process.exit(2);
  }
}
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(option('--port') ?? process.env['HEARTH_EDITOR_PORT'] ?? 5180);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number. ${USAGE}`);
  process.exit(2);
}
const root = resolve(process.env['INIT_CWD'] ?? process.cwd(), option('--root') ?? REPO);
if (!existsSync(join(root, 'packages'))) {
  console.error(`${root} has no packages/ folder: --root must be the repository (or a copy with packages/<pack>/manifest.json).`);
  process.exit(2);
}

/** The newest change among the files the build reads: the editor and the widgets it previews. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'test') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

const inputs = [
  join(PACKAGE, 'src'),
  join(PACKAGE, 'index.html'),
  join(PACKAGE, 'preview.html'),
  join(PACKAGE, 'vite.config.ts'),
  ...['core', 'content', 'guide', 'faq'].map((name) => join(REPO, 'packages', name, 'src')),
].filter(existsSync);
const built = existsSync(join(DIST, 'index.html')) ? statSync(join(DIST, 'index.html')).mtimeMs : 0;
if (args.includes('--build') || inputs.some((input) => newest(input) > built)) {
  const started = Date.now();
  console.log('content:edit: building the editor (once after each change to it)...');
  const { build } = await import('vite');
  await build({ configFile: join(PACKAGE, 'vite.config.ts'), logLevel: 'error' });
  console.log(`content:edit: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const { url, packs } = await startEditorServer({ root, dist: DIST, port });
console.log(`content:edit: ${packs.length} content pack(s): ${packs.map((p) => `${p.id} (${p.dir})`).join(', ') || 'none found'}`);
console.log(`content:edit: editing files under ${root}`);
console.log(`Content editor: ${url}`);
