#!/usr/bin/env node
// `pnpm test`: every check CI runs, with timings and one closing count line.
//
// Steps run in five lanes at once, one step after another inside a lane: the browser tests on
// sources (no build needed), as two runners with a Chromium each (`browser-flows`: the assessment
// and the widgets' fault matrix, the two longest suites; `browser`: the rest); build → the browser
// tests of the built dist/ → React → Storybook → the packed packages; and, at a lower CPU
// priority, types → Node tests → content → size, and beside them (after the build) lint → format.
// The Chromium runs mostly wait on the browser, the receiver and the tests' own timers (measured:
// a quarter of a core each), so they set the wall time, and the CPU-bound checks use the time they
// leave without starving them (on 2 cores, without `nice`, a dist test timed out). Each step's
// output is printed in one piece when it ends; the closing lines are the timings and the test count.
//
// Usage: pnpm test [--only <step>] [--from <step>] [--serial] [--keep-going]
//   --only <step>   run that step alone (its output streams as it runs)
//   --from <step>   run that step and the ones after it in the list below
//   --serial        one step at a time, in the order below (as before the lanes)
//   --keep-going    a failed step does not stop the others (see every failure at once)
// With CI=true, a skipped test fails the run: CI must prove that every test ran.
import { spawn } from 'node:child_process';

/** @typedef {{ name: string, cmd: string, after?: string[] }} Step */

/** Every step, in the order of --serial and --from. `after`: steps it needs (when they run too). */
/** @type {Step[]} */
const steps = [
  { name: 'typecheck', cmd: 'pnpm typecheck' },
  // ESLint and Prettier walk the whole tree: not while the build writes packages/hearth/dist.next/.
  { name: 'lint', cmd: 'pnpm lint', after: ['build'] },
  { name: 'format', cmd: 'pnpm format:check', after: ['build'] },
  { name: 'content', cmd: 'pnpm content:check' },
  { name: 'node', cmd: 'pnpm test:node' },
  { name: 'build', cmd: 'pnpm build' },
  { name: 'size', cmd: 'pnpm size', after: ['build'] },
  // The build regenerates committed files (JSX types, config schema and its docs): a diff means the
  // committed copy was stale, so an app type-checking without a build would see old types.
  {
    name: 'generated',
    cmd: 'git diff --exit-code --stat -- packages/hearth/jsx/index.d.ts packages/core/config.schema.json docs/config.md',
    after: ['build'],
  },
  { name: 'browser', cmd: 'HEARTH_TEST_GROUP=units pnpm test:browser' },
  { name: 'browser-flows', cmd: 'HEARTH_TEST_GROUP=flows pnpm test:browser' },
  { name: 'dist', cmd: 'pnpm test:dist', after: ['build'] },
  { name: 'react', cmd: 'pnpm --filter @hearth/example-react-app typecheck && pnpm --filter @hearth/example-react-app build' },
  // Does every story build? Storybook's leaner test build (`--test`) says so in half the time;
  // `pnpm build-storybook` makes the full site, and the story sweep in `dist` renders and axes each story.
  { name: 'storybook', cmd: 'storybook build --test --quiet -o node_modules/.cache/hearth/storybook-test' },
  // The packages as npm delivers them: packed, installed into a blank Vite app and examples/vue-app, rendered.
  // After size too: packing strips the source-map comments from dist/ in place, which must not
  // happen while `size` measures those files.
  { name: 'pack', cmd: 'node --test --test-reporter=spec scripts/test/packed-install.test.mjs', after: ['build', 'size'] },
];

/** Lanes run at the same time; `nice`: a lower CPU priority, so the Chromium lanes are never starved. */
const lanes = [
  { steps: ['browser-flows'] },
  { steps: ['browser'] },
  { steps: ['build', 'generated', 'dist', 'react', 'storybook', 'pack'] },
  { steps: ['typecheck', 'node', 'content', 'size'], nice: true },
  // ESLint and Prettier wait for the build anyway: beside the Node tests rather than after them, as
  // the Node lane was the longest (on a loaded machine: 333 s, of which lint and format 46 s).
  { steps: ['lint', 'format'], nice: true },
];

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option('--only');
const from = option('--from');
const serial = args.includes('--serial');
const keepGoing = args.includes('--keep-going');
const ci = /^(1|true)$/i.test(process.env.CI ?? '');

for (const name of [only, from]) {
  if (name !== undefined && !steps.some((s) => s.name === name)) {
    console.error(`no step "${name}": the steps are ${steps.map((s) => s.name).join(', ')}`);
    process.exit(2);
  }
}
let selected = steps;
if (from) selected = steps.slice(steps.findIndex((s) => s.name === from));
if (only) selected = steps.filter((s) => s.name === only);
const chosen = new Set(selected.map((s) => s.name));
const byName = new Map(steps.map((s) => [s.name, s]));

/** @type {{ steps: Step[], nice?: boolean }[]} */
const plan = serial
  ? [{ steps: selected }]
  : lanes
      .map((lane) => ({ ...lane, steps: lane.steps.filter((n) => chosen.has(n)).map((n) => byName.get(n)) }))
      .filter((l) => l.steps.length);
const live = selected.length === 1; // one step: stream its output as it comes

const totals = { passed: 0, failed: 0, skipped: 0 };
/** @type {Map<string, { seconds: number, code: number, skipped: number, skippedNames: string[] }>} */
const results = new Map();
/** Per step: a promise that settles when the step has ended (or will not run), and its resolver. */
const ended = new Map(
  selected.map((s) => {
    let done = () => {};
    const promise = new Promise((resolve) => (done = resolve));
    return [s.name, { promise, done }];
  }),
);
const started = Date.now();
let stopped = false; // a step failed: start no other

/** Counts from a step's output: node:test's closing lines and web-test-runner's last progress line. */
function count(out) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  const text = out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const found = { passed: 0, failed: 0, skipped: 0 };
  // node:test ("# pass N" with tap, "ℹ pass N" with spec); a cancelled test is a failed one.
  for (const m of text.matchAll(/^(?:#|ℹ) (pass|fail|cancelled|skipped) (\d+)$/gm))
    found[m[1] === 'pass' ? 'passed' : m[1] === 'skipped' ? 'skipped' : 'failed'] += Number(m[2]);
  const wtr = [...text.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].pop();
  if (wtr) {
    found.passed += Number(wtr[1]);
    found.failed += Number(wtr[2]);
    found.skipped += Number(wtr[3] ?? 0);
  }
  // Names where the output gives them: node:test's spec reporter marks skipped tests "# SKIP".
  const skippedNames = [...text.matchAll(/^\s*[﹣-] (.+?) \([\d.]+m?s\) # SKIP/gm)].map((m) => m[1]);
  return { ...found, skippedNames };
}

/** @param {Step} step @param {boolean} nice */
function run(step, nice) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.log(live ? `\n▸ ${step.name}: ${step.cmd}` : `▸ ${step.name} started: ${step.cmd}`);
    // `pnpm exec` for a bare tool name (storybook): the same binaries as a package script sees.
    const cmd = /^(?:[A-Z_]+=\S* )*(?:pnpm|node) /.test(step.cmd) ? step.cmd : `pnpm exec ${step.cmd}`;
    const child = spawn(nice ? `nice -n 10 sh -c ${JSON.stringify(cmd)}` : cmd, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let out = '';
    const onData = (stream) => (chunk) => {
      out += chunk;
      if (live) stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code, signal) => {
      const exit = code ?? 1;
      const seconds = (Date.now() - t0) / 1000;
      const found = count(out);
      totals.passed += found.passed;
      totals.failed += found.failed;
      totals.skipped += found.skipped;
      results.set(step.name, { seconds, code: exit, skipped: found.skipped, skippedNames: found.skippedNames });
      if (!live) {
        const status = exit ? `FAILED (${signal ?? `exit ${exit}`})` : 'ok';
        const rule = '━'.repeat(Math.max(3, 60 - step.name.length - status.length));
        process.stdout.write(`\n━━ ${step.name}: ${status}, ${seconds.toFixed(1)}s ${rule}\n${out.trimEnd()}\n\n`);
      }
      if (exit && !keepGoing) stopped = true;
      resolve();
    });
  });
}

/** Runs a lane's steps in order; each first waits for the steps it needs. */
async function runLane(lane) {
  for (const step of lane.steps) {
    // --serial keeps the list's order, in which `after` holds where it matters (size, dist).
    const needs = serial ? [] : (step.after ?? []).filter((n) => chosen.has(n));
    await Promise.all(needs.map((n) => ended.get(n).promise));
    const blocked = needs.some((n) => results.get(n)?.code !== 0);
    if (!stopped && !blocked) await run(step, Boolean(lane.nice));
    ended.get(step.name).done();
  }
}

await Promise.all(plan.map(runLane));

const failed = selected.filter((s) => results.get(s.name)?.code);
const notRun = selected.filter((s) => !results.has(s.name));
for (const step of failed) {
  const { code } = results.get(step.name);
  console.error(`\n✖ step "${step.name}" failed (exit ${code}). Re-run it alone with: pnpm test --only ${step.name}`);
}
if (notRun.length) console.error(`  not run (after a failure): ${notRun.map((s) => s.name).join(', ')}`);

let exitCode = failed.length ? (results.get(failed[0].name)?.code ?? 1) : 0;
if (ci && totals.skipped) {
  const where = selected
    .filter((s) => results.get(s.name)?.skipped)
    .map((s) => {
      const { skipped, skippedNames } = results.get(s.name);
      return `${s.name}: ${skipped}${skippedNames.length ? ` (${skippedNames.join('; ')})` : ''}`;
    });
  console.error(`✖ ${totals.skipped} test(s) skipped, and CI=true requires every test to run: ${where.join(' · ')}`);
  exitCode ||= 1;
}

const timings = selected.map((s) => {
  const r = results.get(s.name);
  return r ? `${s.name} ${r.seconds.toFixed(1)}s${r.code ? ' FAILED' : ''}` : `${s.name} not run`;
});
const how = serial || plan.length <= 1 ? 'one step at a time' : `${plan.length} lanes at once`;
console.log(`\nsteps: ${timings.join(' · ')} · total ${((Date.now() - started) / 1000).toFixed(1)}s (${how})`);
if (exitCode !== 0 && totals.failed === 0) totals.failed = 1; // a failed check counts as a failure
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(exitCode);
