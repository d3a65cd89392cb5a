// The suites that load the BUILT script-tag bundle (packages/hearth/dist) in host pages served
// with their own headers (hostile CSS, a strict CSP, double inclusion, late insertion), and the
// story accessibility sweep. Build first:
//   pnpm --filter @hearth/embed build && npx wtr --config test/web-test-runner.dist.config.mjs
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { browsers, freePort } from '../web-test-runner.config.mjs';
import { loopbackPlugin } from './support/loopback.mjs';
import { hearthPagesPlugin, holdMiddleware } from './support/hearth-pages.mjs';

const files = process.env.HEARTH_TEST_FILES
  ? process.env.HEARTH_TEST_FILES.split(',')
  : ['test/hostile-*.test.ts', 'test/story-axe.test.ts'];

export default {
  port: await freePort(),
  files,
  nodeResolve: { exportConditions: ['source', 'browser'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browsers,
  testFramework: { config: { timeout: 30000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 600000,
  middleware: [holdMiddleware()],
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }), loopbackPlugin(), hearthPagesPlugin()],
};
