#!/usr/bin/env node
// `pnpm test`: every check CI runs, in order, with timings and one closing count line.
// Usage: pnpm test [--from <step>] [--only <step>]
import { spawn } from 'node:child_process';

const steps = [
  { name: 'typecheck', cmd: 'pnpm typecheck' },
  { name: 'lint', cmd: 'pnpm lint' },
  { name: 'format', cmd: 'pnpm format:check' },
  { name: 'content', cmd: 'pnpm content:check' },
  { name: 'node', cmd: 'pnpm test:node' },
  { name: 'build', cmd: 'pnpm build' },
  { name: 'size', cmd: 'pnpm size' },
  { name: 'browser', cmd: 'pnpm test:browser' },
  { name: 'dist', cmd: 'pnpm test:dist' },
  { name: 'react', cmd: 'pnpm --filter @hearth/example-react-app typecheck && pnpm --filter @hearth/example-react-app build' },
  { name: 'storybook', cmd: 'pnpm build-storybook' },
];

const args = process.argv.slice(2);
const from = args.includes('--from') ? args[args.indexOf('--from') + 1] : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
let selected = steps;
if (from) selected = steps.slice(steps.findIndex((s) => s.name === from));
if (only) selected = steps.filter((s) => s.name === only);

const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
const started = Date.now();

function run(step) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.log(`\n▶ ${step.name}: ${step.cmd}`);
    const child = spawn(step.cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    const onData = (stream) => (chunk) => {
      out += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('close', (code) => {
      // node:test closing lines ("# pass N" / "ℹ pass N") and web-test-runner's ("N passed, N failed"),
      // read with colour codes stripped.
      // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
      out = out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
      for (const m of out.matchAll(/^(?:#|ℹ) (pass|fail|skipped) (\d+)$/gm))
        totals[m[1] === 'pass' ? 'passed' : m[1] === 'fail' ? 'failed' : 'skipped'] += Number(m[2]);
      const wtr = [...out.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].pop();
      if (wtr) {
        totals.passed += Number(wtr[1]);
        totals.failed += Number(wtr[2]);
        totals.skipped += Number(wtr[3] ?? 0);
      }
      const seconds = (Date.now() - t0) / 1000;
      timings.push(`${step.name} ${seconds.toFixed(1)}s${code ? ' FAILED' : ''}`);
      resolve(code ?? 1);
    });
  });
}

let exitCode = 0;
for (const step of selected) {
  const code = await run(step);
  if (code !== 0) {
    exitCode = code;
    console.error(`\n✖ step "${step.name}" failed (exit ${code}). Re-run it alone with: pnpm test --only ${step.name}`);
    break;
  }
}
console.log(`\nsteps: ${timings.join(' · ')} · total ${((Date.now() - started) / 1000).toFixed(1)}s`);
if (exitCode !== 0 && totals.failed === 0) totals.failed = 1; // a failed check counts as a failure
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(exitCode);
