import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createServer } from 'node:net';
import { loopbackPlugin } from './test/support/loopback.mjs';

/**
 * A port the system has just handed out. web-test-runner's own choice (the first free one from
 * 8000) races when two runners start at once (`pnpm test` starts two, plus the dist run), and
 * one of them fails with EADDRINUSE.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const browsers = [
  chromeLauncher({
    launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: chromiumArgs },
  }),
];

// `HEARTH_TEST_FILES="packages/faq/test/**/*.test.ts" pnpm test:browser` runs a subset.
// `HEARTH_TEST_GROUP=flows|units`: `pnpm test` runs the browser tests as two runners at once, each
// with its own Chromium (its own storage, origin and focus, so they cannot disturb each other):
// the two longest suites, whose time goes on waiting (the assessment walked through by keyboard,
// and the widgets' fault matrix against the real receiver), and everything else.
const FLOWS = ['packages/assessment/test/**/*.test.ts', 'test/lead-faults.test.ts'];
const groups = {
  flows: FLOWS,
  units: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', ...FLOWS.map((f) => `!${f}`)],
};
const group = process.env.HEARTH_TEST_GROUP;
if (group !== undefined && !(group in groups)) throw new Error(`HEARTH_TEST_GROUP must be one of ${Object.keys(groups).join(', ')}`);
const files = process.env.HEARTH_TEST_FILES
  ? process.env.HEARTH_TEST_FILES.split(',')
  : group
    ? groups[group]
    : ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'];

export default {
  port: await freePort(),
  // The hostile-host suites and the story sweep load the built dist/ through their own page
  // server: test/web-test-runner.dist.config.mjs runs them after `pnpm build`.
  files: [...files, '!**/*.node.test.ts', '!**/node_modules/**', '!test/hostile-*.test.ts', '!test/story-axe.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browsers,
  testFramework: { config: { timeout: 15000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  // Per file: the assessment suite, walked by keyboard, takes minutes on a loaded 2-core machine.
  testsFinishTimeout: 600000,
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }), loopbackPlugin()],
};
