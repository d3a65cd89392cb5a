#!/usr/bin/env node
// Every package's `prepack`: builds the package and the workspace packages it depends on, so that
// `pnpm pack` (or `pnpm publish`) in a clean clone packs a complete dist/. scripts/pack.mjs builds
// everything once beforehand and sets HEARTH_PACK_PREBUILT=1, which skips the build.
//
// Then, in both cases, it removes the `//# sourceMappingURL=` comments from the files the tarball
// will hold: the tarball leaves the maps out (`"!**/*.map"` in `files`), and a comment naming a
// file that is not there makes bundlers and devtools warn about a 404. The maps stay in dist/ (and
// go beside the tarball with pnpm pack:all); `pnpm build` writes the comments again for local work.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAPPED_FILE, ROOT, withoutMapComments } from './publishing.mjs';

const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));

if (process.env.HEARTH_PACK_PREBUILT !== '1') {
  // `<name>...`: the package and its dependencies, in dependency order, one at a time.
  const result = spawnSync('pnpm', ['--workspace-concurrency=1', '--filter', `${pkg.name}...`, 'run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Strips the map comments from `path` (a file, or every file below a folder). Returns how many files changed. */
function strip(path) {
  if (!existsSync(path)) return 0;
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((name) => name !== 'node_modules')
      .reduce((n, name) => n + strip(join(path, name)), 0);
  }
  if (!MAPPED_FILE.test(path)) return 0;
  const text = readFileSync(path, 'utf8');
  const stripped = withoutMapComments(text);
  if (stripped === text) return 0;
  writeFileSync(path, stripped);
  return 1;
}

// What `files` lists (the patterns that exclude, such as "!**/*.map", aside).
for (const entry of pkg.files ?? []) if (!entry.startsWith('!') && !/[*?]/.test(entry)) strip(join(cwd, entry));
