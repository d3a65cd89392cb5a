#!/usr/bin/env node
// `pnpm install` (the root "prepare" script) installs the git hooks of package.json's
// "simple-git-hooks" (pre-commit: scripts/format-staged.mjs). It never fails the install: outside a
// git work tree (a tarball, a Docker layer), with SKIP_INSTALL_SIMPLE_GIT_HOOKS set, or when
// simple-git-hooks is not installed (pnpm install --prod), it says so and carries on.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

function skip(reason) {
  console.log(`[hooks] git hooks not installed: ${reason}`);
  process.exit(0);
}

if (process.env.SKIP_INSTALL_SIMPLE_GIT_HOOKS) skip('SKIP_INSTALL_SIMPLE_GIT_HOOKS is set');
const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' });
if (inside.status !== 0 || inside.stdout.trim() !== 'true') skip('not a git work tree');

let cli;
try {
  cli = createRequire(import.meta.url).resolve('simple-git-hooks/cli.js');
} catch {
  skip('simple-git-hooks is not installed');
}
const result = spawnSync(process.execPath, [cli], { stdio: 'inherit' });
if (result.status !== 0)
  console.warn('[hooks] simple-git-hooks failed; commits will not be formatted automatically (the install goes on).');
