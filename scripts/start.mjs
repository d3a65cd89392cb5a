#!/usr/bin/env node
// `pnpm start`: the demo. Builds the script-tag bundle, starts the reference lead receiver (one
// for the default brand, one for the partner clinic, each with its own SQLite file under .data/),
// serves examples/marketing-site/ and examples/partner-clinic/ with every widget live and posting
// to them, and reloads open pages when content, code or the examples change.
//
//   pnpm start [-- --port 5173 --receiver-port 8787 --host 127.0.0.1 --no-watch]
//
// The admin token for /admin comes from HEARTH_ADMIN_TOKEN, else from .data/admin-token (made on
// first start), and is printed with the URLs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

// The receiver and the build read the workspace's TypeScript sources (the "source" export
// condition), so a fresh clone needs no build step: run under tsx with that condition.
if (!process.execArgv.includes('--conditions=source')) {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      cwd: ROOT,
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await main();
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '5173' },
      'receiver-port': { type: 'string', default: process.env.HEARTH_PORT ?? '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'no-watch': { type: 'boolean', default: false },
    },
  });
  const host = values.host;
  const { buildAll } = await import('../packages/hearth/scripts/build.mjs');
  const { startReceiver, generateAdminToken } = await import('../packages/lead-receiver/src/index.ts');
  // The partner clinic's own instrument (registered in its page from the same JSON): its receiver
  // re-scores GAD-7 answers by id.
  const { registerInstrument } = await import('../packages/assessment/src/scoring/index.ts');
  registerInstrument(JSON.parse(readFileSync(join(ROOT, 'examples/partner-clinic/gad-7.json'), 'utf8')));

  console.log('[start] building the script-tag bundle (packages/hearth/dist)…');
  await buildAll({ quiet: true });

  const site = await startSite({ host, port: Number(values.port) });
  const adminToken = readAdminToken(generateAdminToken);
  // The examples' site, and the React example's dev server (examples/react-app, port 5174).
  const origins = [site.url, site.url.replace('127.0.0.1', 'localhost'), 'http://127.0.0.1:5174', 'http://localhost:5174'];
  const receivers = {
    main: await startReceiver({
      port: Number(values['receiver-port']),
      host,
      dbPath: join(ROOT, '.data/leads.sqlite'),
      allowOrigins: origins,
      adminToken,
    }),
    partner: await startReceiver({
      port: Number(values['receiver-port']) + 1,
      host,
      dbPath: join(ROOT, '.data/partner-clinic.sqlite'),
      allowOrigins: origins,
      adminToken,
    }),
  };
  // The example pages name the default ports; if those were busy, point them at the real ones.
  site.setRewrites([
    ['http://127.0.0.1:8787', receivers.main.url],
    ['http://127.0.0.1:8788', receivers.partner.url],
    ['http://127.0.0.1:5173', site.url],
  ]);

  console.log(`
  Hearth is running.

    Marketing site      ${site.url}/
    Partner clinic      ${site.url}/partner-clinic/     (Spanish, own brand, own endpoint)

    Leads (default)     ${receivers.main.url}/leads      → .data/leads.sqlite
    Leads (partner)     ${receivers.partner.url}/leads      → .data/partner-clinic.sqlite
    Admin               ${receivers.main.url}/admin   and   ${receivers.partner.url}/admin
                        user: any, password: ${adminToken}

  ${values['no-watch'] ? 'Watching nothing (--no-watch).' : 'Pages reload when examples, widget code or content change.'} Ctrl+C stops.
`);

  const watchers = values['no-watch'] ? [] : watchSources(site.reload, buildAll);
  const stop = async () => {
    for (const w of watchers) w.close();
    await Promise.allSettled([receivers.main.close(), receivers.partner.close(), site.close()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function readAdminToken(generate) {
  if (process.env.HEARTH_ADMIN_TOKEN) return process.env.HEARTH_ADMIN_TOKEN;
  const file = join(ROOT, '.data/admin-token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const token = generate();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/** URL prefix → folder. The examples load Hearth from /hearth/, as a site loads it from a CDN. */
const MOUNTS = [
  ['/hearth/', join(ROOT, 'packages/hearth/dist')],
  ['/partner-clinic/', join(ROOT, 'examples/partner-clinic')],
  ['/', join(ROOT, 'examples/marketing-site')],
];

const RELOAD_CLIENT = `// Development only: reloads the page when pnpm start rebuilt something.
const events = new EventSource('/__hearth/events');
events.addEventListener('reload', () => location.reload());
`;

/**
 * A small static server with the headers a careful site would send: a strict
 * Content-Security-Policy (the widgets need nothing inline and no eval) that allows posting to
 * the receivers, and no caching, so a rebuild is always picked up.
 */
function startSite({ host, port }) {
  const clients = new Set();
  let rewrites = [];
  let connectSrc = "'self'";
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname === '/__hearth/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/__hearth/reload.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      res.end(RELOAD_CLIENT);
      return;
    }
    const file = resolveFile(url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES['.txt'] });
      res.end(`Not found: ${url.pathname}`);
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(file);
    if (type.startsWith('text/html') || type.startsWith('application/json')) {
      let text = body.toString('utf8');
      for (const [from, to] of rewrites) text = text.split(from).join(to);
      if (type.startsWith('text/html'))
        text = text.replace('</head>', '  <script type="module" src="/__hearth/reload.js"></script>\n  </head>');
      body = Buffer.from(text);
    }
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'content-security-policy': [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        `connect-src ${connectSrc}`,
        "require-trusted-types-for 'script'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    });
    res.end(body);
  });

  function resolveFile(pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    for (const [prefix, dir] of MOUNTS) {
      if (!decoded.startsWith(prefix) && `${decoded}/` !== prefix) continue;
      let file = normalize(join(dir, decoded.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir + sep)) return undefined; // no climbing out
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (existsSync(file)) return file;
      if (prefix !== '/') return undefined;
    }
    return undefined;
  }

  return new Promise((resolveStart, reject) => {
    let attempt = port;
    server.on('error', (error) => {
      if (error.code === 'EADDRINUSE' && attempt < port + 20) server.listen(++attempt, host);
      else reject(error);
    });
    server.listen(attempt, host, () => {
      const address = server.address();
      const url = `http://${host}:${address.port}`;
      resolveStart({
        url,
        setRewrites(list) {
          rewrites = list.filter(([from, to]) => from !== to);
          connectSrc = ["'self'", ...list.slice(0, 2).map(([, to]) => to)].join(' ');
        },
        reload() {
          for (const client of clients) client.write('event: reload\ndata: now\n\n');
        },
        close: () =>
          new Promise((done) => {
            for (const client of clients) client.end();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * Examples → reload. Widget sources → rebuild the bundle, then reload. Content Markdown →
 * recompile the content pack (its generated modules then trigger the rebuild).
 */
function watchSources(reload, buildAll) {
  let building = false;
  let again = false;
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      await buildAll({ quiet: true });
      reload();
    } catch (error) {
      // Keep serving the last good build; the message says what to fix.
      console.error(`[start] build failed: ${error instanceof Error ? error.message : error}`);
    } finally {
      building = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  // One timer per watched source, so an example edit never cancels a pending rebuild.
  const debounce = (fn) => {
    let pending;
    return () => {
      clearTimeout(pending);
      pending = setTimeout(fn, 150);
    };
  };
  const compileContent = () => {
    const child = spawn(process.execPath, [join(ROOT, 'packages/content/bin/hearth-content.mjs'), 'compile', '.'], {
      cwd: join(ROOT, 'packages/content-ptsd'),
      stdio: 'inherit',
    });
    child.on('exit', (code) => code && console.error('[start] the content did not compile; see above.'));
  };
  const watchers = [];
  const on = (dir, handler, ignore = /(?:^|[\\/])(?:node_modules|dist|\.git)(?:[\\/]|$)/) => {
    if (!existsSync(dir)) return;
    watchers.push(
      watch(dir, { recursive: true }, (_event, name) => {
        if (!name || ignore.test(name)) return;
        handler(relative(ROOT, join(dir, name)));
      }),
    );
  };
  const reloadSoon = debounce(reload);
  const rebuildSoon = debounce(rebuild);
  on(join(ROOT, 'examples/marketing-site'), reloadSoon);
  on(join(ROOT, 'examples/partner-clinic'), reloadSoon);
  on(join(ROOT, 'packages/content-ptsd/content'), debounce(compileContent));
  for (const pkg of ['core', 'content', 'guide', 'faq', 'assessment', 'coverage', 'content-ptsd', 'hearth']) {
    on(join(ROOT, 'packages', pkg, 'src'), rebuildSoon);
  }
  return watchers;
}
