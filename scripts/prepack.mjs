#!/usr/bin/env node
// Every package's `prepack`: builds the package and the workspace packages it depends on, so that
// `pnpm pack` (or `pnpm publish`) in a clean clone packs a complete dist/. scripts/pack.mjs builds
// everything once beforehand and sets HEARTH_PACK_PREBUILT=1, which skips this.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './publishing.mjs';

if (process.env.HEARTH_PACK_PREBUILT !== '1') {
  const { name } = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
  // `<name>...`: the package and its dependencies, in dependency order, one at a time.
  const result = spawnSync('pnpm', ['--workspace-concurrency=1', '--filter', `${name}...`, 'run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
