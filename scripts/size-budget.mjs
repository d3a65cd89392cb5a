#!/usr/bin/env node
// `pnpm size`: the size budgets of issues 8 and 15 (bench/budgets.json), checked against the built
// packages/hearth/dist. Page sizes are what Chromium downloads from a local gzip -9 server; the
// static import graph of the built chunks cross-checks them. Exit 1 names each file over budget.
// Usage: pnpm size [--static] [--verbose]
//   --static   no browser: loader and all-in-one sizes plus the static graph's page estimates
import { kb, measureSizes, printTable } from '../bench/lib/sizes.mjs';

const args = new Set(process.argv.slice(2));
const started = Date.now();
let result;
try {
  result = await measureSizes({ staticOnly: args.has('--static') });
} catch (error) {
  console.error(`✖ size check could not run: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
const { rows, failures, pages } = result;

console.log('Size budgets (gzip -9 as transferred; bench/budgets.json)\n');
printTable(rows, [
  ['check', 'check'],
  ['measured', 'measured', 'right'],
  ['budget', 'budget', 'right'],
  ['status', 'status'],
  ['note', 'note'],
]);

for (const page of Object.values(pages)) {
  const files = page.browser?.files;
  if (!files || (!args.has('--verbose') && failures.length === 0)) continue;
  console.log(`\n${page.name} (${page.path}) downloaded:`);
  for (const f of [...files].sort((a, b) => b.bytes - a.bytes)) console.log(`  ${kb(f.bytes).padStart(9)}  ${f.path}`);
  if (page.browser.errors.length) console.log(`  console errors: ${page.browser.errors.slice(0, 3).join(' | ')}`);
  if (page.composition?.length) {
    console.log('  by package (gzip saved if it were not downloaded; "(unmapped)" is inlined JSON strings, CSS and glue):');
    console.log(`    ${page.composition.map((c) => `${c.pkg} ${kb(c.saves)}`).join(' · ')}`);
  }
}

console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)}s)`);
if (failures.length) {
  console.error(`\n✖ ${failures.length} size budget${failures.length === 1 ? '' : 's'} failed:`);
  for (const f of failures) console.error(`  - ${f}`);
  console.error('\nDo not raise a budget to pass: shrink the download (see bench/README.md) or say in the PR what the bytes buy.');
  process.exit(1);
}
const over = rows.filter((r) => r.status === 'OVER');
if (over.length) {
  console.log(
    `\n⚠ ${over.length} budget${over.length === 1 ? ' is' : 's are'} still over target, within the recorded ceiling (bench/budgets.json "blockedBy" says why):`,
  );
  for (const r of over) console.log(`  - ${r.check.trim()}: ${r.measured} against ${r.budget}`);
  console.log(
    'Growth past a ceiling fails this check, and so does a met budget that keeps its ceiling; the targets are those of issue 15.',
  );
} else {
  console.log('✔ every size budget holds');
}
