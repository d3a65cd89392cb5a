#!/usr/bin/env node
// `pnpm bench`: Hearth next to SurveyJS and Typeform's embed loader (issue 8). One table on
// stdout, the same table plus raw samples in bench/results/latest.json. Progress goes to stderr.
//
//   pnpm bench [--runs 10] [--completions 10] [--build] [--skip time,layout,memory]
//
// Everything is served from a server on 127.0.0.1 started here; Chromium cannot resolve any other
// host. Needs packages/hearth/dist (built when missing, or with --build: pnpm --filter @hearth/embed run build) and Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CPU_SLOWDOWN, NETWORK_PROFILE, PHONE_VIEWPORT, launchChromium } from './lib/browser.mjs';
import { pageDownloads } from './lib/downloads.mjs';
import { DIST, ROOT, gzip9, moduleKey } from './lib/graph.mjs';
import { measureMemory } from './lib/memory.mjs';
import { BENCH, FLOOR_PAGE, PAGES, mounts, surveyJsPage } from './lib/pages.mjs';
import { pcPtsd5SurveyJson } from './lib/questionnaire.mjs';
import { startServer } from './lib/server.mjs';
import { kb, measureSizes, printTable } from './lib/sizes.mjs';
import { measureStability } from './lib/stability.mjs';
import { compareFirstQuestion, median, quantile } from './lib/timing.mjs';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    completions: { type: 'string', default: '10' },
    build: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const COMPLETIONS = Math.max(2, Number(opts.completions));
// Beyond the ten the issue asks for: enough completions to show whether the heap levels off.
const PLATEAU = Math.max(COMPLETIONS, 40);
const skip = new Set(opts.skip.split(',').filter(Boolean));
const log = (message) => console.error(`[bench] ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s ${message}`);
const started = Date.now();

// ---- the build this measures -------------------------------------------------------------------
function newestSource() {
  let newest = { mtime: 0, file: '' };
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name !== 'node_modules' && d.name !== 'generated') walk(path);
      } else {
        const { mtimeMs } = statSync(path);
        if (mtimeMs > newest.mtime) newest = { mtime: mtimeMs, file: path };
      }
    }
  };
  for (const pkg of readdirSync(join(ROOT, 'packages'))) {
    const src = join(ROOT, 'packages', pkg, 'src');
    if (pkg !== 'lead-receiver' && existsSync(src)) walk(src);
  }
  return newest;
}

const loaderFile = join(DIST, 'hearth.js');
if (opts.build || !existsSync(loaderFile)) {
  // Only the script-tag bundle is measured, and it builds from the workspace sources: no other package needs building.
  const command = ['--filter', '@hearth/embed', 'run', 'build'];
  log(`${opts.build ? 'building (--build)' : `${relative(ROOT, loaderFile)} is missing, building it`}: pnpm ${command.join(' ')}`);
  const result = spawnSync('pnpm', command, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0 || !existsSync(loaderFile)) {
    console.error(`[bench] ✖ pnpm ${command.join(' ')} failed, so there is nothing to measure. Fix the build, then run pnpm bench again.`);
    process.exit(1);
  }
} else {
  const newest = newestSource();
  if (newest.mtime > statSync(loaderFile).mtimeMs) {
    log(
      `warning: ${relative(ROOT, newest.file)} is newer than dist/hearth.js; measuring the existing build (pnpm bench --build rebuilds first)`,
    );
  }
}
const bundleOf = (pkg) => join(BENCH, 'node_modules', pkg);
for (const pkg of ['survey-core', 'survey-js-ui', '@typeform/embed', 'puppeteer-core']) {
  if (!existsSync(join(bundleOf(pkg), 'package.json'))) {
    console.error(`[bench] ✖ ${pkg} is not installed in bench/node_modules. Run pnpm install at the repository root.`);
    process.exit(1);
  }
}
const versionOf = (pkg) => JSON.parse(readFileSync(join(bundleOf(pkg), 'package.json'), 'utf8')).version;

// ---- servers and browser -----------------------------------------------------------------------
const server = await startServer({ mounts: mounts() });
server.page('/bench/surveyjs.html', surveyJsPage(await pcPtsd5SurveyJson()));
server.page(FLOOR_PAGE.path, FLOOR_PAGE.html);
for (const [path, spec] of Object.entries(PAGES)) server.page(path, spec.html);
// The marketing site exactly as `pnpm start` lays it out: the site at /, the build at /hearth/.
const site = await startServer({ mounts: { '/hearth/': DIST, '/': join(ROOT, 'examples/marketing-site') } });
const browser = await launchChromium();
const rows = [];
const raw = {};
const row = (area, measure, hearth = '', surveyjs = '', typeform = '', note = '') =>
  rows.push({ area, measure, hearth, surveyjs, typeform, note });
const ms = (n) => `${Math.round(n).toLocaleString('en-US')} ms`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const signedKb = (n) => `${n >= 0 ? '+' : '−'}${(Math.abs(n) / 1024).toFixed(1)} KB`;

try {
  // ---- bytes -----------------------------------------------------------------------------------
  log('bytes: size budgets, then each page in Chromium');
  const sizes = await measureSizes({ browser, server });
  const packagesIn = (f) => {
    const names = new Set((f.sources ?? []).map((s) => moduleKey(s).pkg.replace(/^packages\//, '@hearth/')));
    const list = [...names].filter((n) => !n.includes('\0') && !n.includes('virtual:') && !n.startsWith('/'));
    return list.length > 7 ? `${list.slice(0, 7).join(', ')} +${list.length - 7}` : list.join(', ');
  };
  const order = (f) => (f.file === 'hearth.js' ? 0 : f.file === 'hearth.all.js' ? 2 : 1);
  for (const f of [...sizes.files.values()].sort((a, b) => order(a) - order(b) || b.gzip - a.gzip)) {
    const kind =
      f.file === 'hearth.js'
        ? 'entry: loader'
        : f.file === 'hearth.all.js'
          ? 'entry: all-in-one'
          : f.strings
            ? `strings (${f.strings})`
            : 'chunk';
    row('bytes', f.file, kb(f.gzip), '', '', `${kind}; ${kb(f.bytes)} minified${packagesIn(f) ? `; ${packagesIn(f)}` : ''}`);
  }
  const surveyPage = await pageDownloads(browser, server, '/bench/surveyjs.html', {});
  const surveyFiles = surveyPage.files.map((f) => `${f.path.split('/').pop()} ${kb(f.bytes)}`).join(', ');
  const typeformFiles = ['embed.js', 'css/widget.css'].map((name) => {
    const data = readFileSync(join(bundleOf('@typeform/embed'), 'build', name));
    return { name, gzip: gzip9(data), bytes: data.length };
  });
  const typeformTotal = typeformFiles.reduce((n, f) => n + f.gzip, 0);
  const assessment = sizes.pages.assessmentPage.browser;
  const allPage = sizes.pages.allWidgetsPage.browser;
  row(
    'bytes',
    'assessment page: whole download',
    `${kb(assessment.total)} (${assessment.files.length} files)`,
    `${kb(surveyPage.total)} (${surveyPage.files.length} files)`,
    kb(typeformTotal),
    `SurveyJS ${versionOf('survey-core')}: ${surveyFiles} (plus Open Sans from Google Fonts on a real page). Typeform ${versionOf('@typeform/embed')}: ${typeformFiles
      .map((f) => `${f.name} ${kb(f.gzip)}`)
      .join(' + ')}, before its iframe app (not loaded: no network)`,
  );
  row(
    'bytes',
    'all four widgets page: whole download',
    `${kb(allPage.total)} (${allPage.files.length} files)`,
    '',
    '',
    'default content; no Markdown parser or sanitizer',
  );
  const failed = sizes.rows.filter((r) => r.status === 'FAIL');
  const over = sizes.rows.filter((r) => r.status === 'OVER');
  row(
    'bytes',
    'size budgets (pnpm size)',
    failed.length ? `${failed.length} FAIL` : over.length ? `${over.length} over target` : 'all pass',
    '',
    '',
    [...failed, ...over].map((r) => `${r.check.trim()} ${r.measured} > ${r.budget}`.trim()).join('; ') +
      (over.length && !failed.length ? ' (within the ceilings recorded in bench/budgets.json)' : ''),
  );
  raw.sizes = { rows: sizes.rows, failures: sizes.failures, pages: { assessment: assessment.files, allWidgets: allPage.files } };
  raw.surveyjs = { files: surveyPage.files, total: surveyPage.total, errors: surveyPage.errors };
  raw.typeform = typeformFiles;

  // ---- time ------------------------------------------------------------------------------------
  if (!skip.has('time')) {
    log(`time: ${RUNS} cold loads each of the floor, Hearth and SurveyJS, rotating (${NETWORK_PROFILE.name}, CPU ${CPU_SLOWDOWN}x)`);
    const samples = await compareFirstQuestion(
      browser,
      {
        floor: `${server.url}${FLOOR_PAGE.path}`,
        hearth: `${server.url}/bench/assessment.html`,
        surveyjs: `${server.url}/bench/surveyjs.html`,
      },
      RUNS,
      (i, kind, marks) =>
        log(
          `  run ${i + 1}/${RUNS} ${kind.padEnd(8)} ${marks.start ? `start ${ms(marks.start)}, ` : ''}first control ${ms(marks.question)}`,
        ),
    );
    const spread = (xs) => `${ms(median(xs))} (${Math.round(quantile(xs, 0.25))}–${Math.round(quantile(xs, 0.75))})`;
    const floor = median(samples.floor);
    const hs = median(samples.hearthStart);
    const hq = median(samples.hearthQuestion);
    const sq = median(samples.surveyQuestion);
    const goal = (ok) => (ok ? 'goal met' : 'goal NOT met');
    row(
      'time',
      'floor: one tiny module, one radio in a shadow root',
      spread(samples.floor),
      '',
      '',
      `median (p25–p75) of ${RUNS}; the same host page`,
    );
    row(
      'time',
      'navigation → first control interactive',
      spread(samples.hearthStart),
      spread(samples.surveyQuestion),
      '—',
      `Hearth's Start button, SurveyJS's first radio. Hearth = ${(hs / floor).toFixed(2)}× the floor (goal ≤ 1.5×: ${goal(hs <= 1.5 * floor)}); ` +
        `SurveyJS = ${(sq / hs).toFixed(2)}× Hearth (goal ≥ 4×: ${goal(sq >= 4 * hs)})`,
    );
    row(
      'time',
      'navigation → first question interactive',
      spread(samples.hearthQuestion),
      spread(samples.surveyQuestion),
      '—',
      `Hearth clicks Start the frame it is interactive; Hearth = ${(hq / floor).toFixed(2)}× the floor; SurveyJS = ${(sq / hq).toFixed(2)}× Hearth`,
    );
    raw.time = samples;
  }

  // ---- layout stability and long tasks ---------------------------------------------------------
  if (!skip.has('layout')) {
    log('layout: examples/marketing-site/ with and without Hearth, phone viewport and a page-tall one');
    const st = await measureStability(browser, `${site.url}/`);
    const shiftNote = (r) => {
      const sources = [...new Set(r.shifts.flatMap((s) => s.sources.map((x) => x.node)))].slice(0, 3);
      return sources.length ? `shifted: ${sources.join(', ')}` : 'no layout shift';
    };
    row(
      'layout',
      `CLS, phone ${PHONE_VIEWPORT.width}×${PHONE_VIEWPORT.height} at the top`,
      st.phone.cls.toFixed(3),
      '',
      '',
      `without Hearth ${st.phoneBaseline.cls.toFixed(3)}; ${shiftNote(st.phone)}`,
    );
    row(
      'layout',
      `CLS, viewport as tall as the page (${st.tall.width}×${st.tall.height})`,
      st.full.cls.toFixed(3),
      '',
      '',
      `every widget on screen; without Hearth ${st.fullBaseline.cls.toFixed(3)}; ${shiftNote(st.full)}`,
    );
    const boxes = Object.entries(st.full.rendered).map(([tag, h]) => {
      const before = st.full.reserved[tag];
      return `${tag.replace('hearth-', '')} ${before === undefined ? '?' : Math.round(before)}→${Math.round(h)}`;
    });
    row('layout', 'widget height reserved → rendered (px)', '', '', '', boxes.join(', '));
    row(
      'layout',
      `longest main-thread task during start-up (CPU ${CPU_SLOWDOWN}x)`,
      ms(st.phone.task?.longestMs ?? 0),
      '',
      '',
      `it was ${st.phone.task?.longestWas || '?'}; without Hearth ${ms(st.phoneBaseline.task?.longestMs ?? 0)} (${st.phoneBaseline.task?.longestWas || '?'}); ` +
        `long tasks ≥ 50 ms: ${st.phone.longTasks.length} (${st.phone.longTasks.map((t) => Math.round(t.duration)).join(', ') || 'none'})`,
    );
    raw.layout = st;
  }

  // ---- memory ----------------------------------------------------------------------------------
  if (!skip.has('memory')) {
    log(`memory: ${PLATEAU} completions of the assessment in one page (no throttling)`);
    const mem = await measureMemory(browser, `${server.url}/bench/assessment.html`, PLATEAU);
    const at = (n) => mem.after[n - 1];
    const tenth = at(COMPLETIONS);
    const growth = tenth.heap - mem.first.heap;
    const lastTen = at(PLATEAU).heap - at(PLATEAU - 10).heap;
    const noise = Math.max(mem.noise * 3, 16 * 1024);
    row(
      'memory',
      'JS heap after the 1st completion',
      mb(mem.first.heap),
      '',
      '',
      `${mem.steps[0]} answers per completion; after two forced GCs`,
    );
    row(
      'memory',
      `JS heap after the ${COMPLETIONS}th (growth)`,
      `${mb(tenth.heap)} (${signedKb(growth)})`,
      '',
      '',
      `DOM nodes ${mem.first.nodes}→${tenth.nodes}, listeners ${mem.first.listeners}→${tenth.listeners}; idle noise ${signedKb(mem.noise)}`,
    );
    row(
      'memory',
      `JS heap, completions ${PLATEAU - 10}→${PLATEAU}`,
      `${mb(at(PLATEAU).heap)} (${signedKb(lastTen)})`,
      '',
      '',
      Math.abs(lastTen) <= noise
        ? `levels off: no growth beyond noise (±${kb(noise)}) once warm${growth > noise ? '; the early rise is warm-up, not a leak' : ''}`
        : `still growing ${signedKb(lastTen / 10)} per completion: a leak to find`,
    );
    raw.memory = mem;
  }
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
  await site.close();
}

// ---- the table ---------------------------------------------------------------------------------
const meta = {
  generated: new Date().toISOString(),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim(),
  chromium: spawnSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim(),
  node: process.version,
  machine: `${cpus().length} CPUs, load ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
  network: NETWORK_PROFILE,
  cpuSlowdown: CPU_SLOWDOWN,
  viewport: PHONE_VIEWPORT,
  runs: RUNS,
  completions: COMPLETIONS,
  units: 'KB = 1024 bytes, gzip -9 as transferred',
  seconds: Math.round((Date.now() - started) / 1000),
};
console.log(
  `Hearth benchmark · ${meta.commit} · ${meta.chromium} · ${NETWORK_PROFILE.name} (${NETWORK_PROFILE.latency} ms added per request, ${(NETWORK_PROFILE.downloadThroughput / 1000).toFixed(0)} kB/s down, ${(
    NETWORK_PROFILE.uploadThroughput / 1000
  ).toFixed(1)} kB/s up) · CPU ${CPU_SLOWDOWN}x · ${meta.machine}\n`,
);
printTable(rows, [
  ['area', 'area'],
  ['measure', 'measure'],
  ['hearth', 'Hearth', 'right'],
  ['surveyjs', 'SurveyJS', 'right'],
  ['typeform', 'Typeform embed', 'right'],
  ['note', 'note'],
]);
const out = join(BENCH, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), `${JSON.stringify({ meta, rows, raw }, null, 2)}\n`);
console.log(`\n${relative(ROOT, join(out, 'latest.json'))} written in ${meta.seconds}s`);
