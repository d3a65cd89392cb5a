// Builds better-sqlite3's native addon after install.
// pnpm does not pass npm's `nodedir` setting to node-gyp, so pnpm's own build step would try to
// download Node's headers (no network here). `npm run install` inside the package does pass it.
// Where a prebuilt binary can be downloaded, better-sqlite3's own script (prebuild-install) uses it.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execSync } from 'node:child_process';

const require = createRequire(join(process.cwd(), 'packages/lead-receiver/package.json'));
let dir;
try {
  dir = dirname(require.resolve('better-sqlite3/package.json'));
} catch {
  process.exit(0); // the receiver is not installed (filtered install): nothing to build
}
const binary = join(dir, 'build', 'Release', 'better_sqlite3.node');
if (existsSync(binary)) process.exit(0);
const env = { ...process.env };
// Node's headers ship with Debian's and the official Node packages; use them rather than a download.
for (const candidate of [join(dirname(process.execPath), '..'), '/usr']) {
  if (existsSync(join(candidate, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir ??= candidate;
    break;
  }
}
console.log(`[hearth] building better-sqlite3 in ${dir} (about a minute on 2 cores)…`);
execSync('npm run install', { cwd: dir, stdio: 'inherit', env });
if (!existsSync(binary)) {
  console.error('[hearth] better-sqlite3 did not build: the lead receiver cannot start.');
  process.exit(1);
}
