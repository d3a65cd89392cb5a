// A web-test-runner plugin for the hostile-host suites: it serves whole host pages that load the
// BUILT script-tag bundle (packages/hearth/dist), with real response headers (a strict
// Content-Security-Policy), and answers a few server commands (page registration, and a heap
// count of element instances through the DevTools protocol, to find leaks).
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'packages/hearth/dist');
const PAGE_PREFIX = '/hearth-host/page/';
const CONFIG_PREFIX = '/hearth-host/config/';
const COPY_PREFIX = '/hearth-host/copy/';
/** `/hearth-host/fresh/<n>/…`: the bundle under a URL of its own per page, so nothing comes from the browser's caches. */
const FRESH_PREFIX = '/hearth-host/fresh/';
const STORIES_INDEX = '/hearth-host/stories-index.js';
const LIT = '/hearth-host/lit.js';
const EXAMPLE_PREFIX = '/hearth-host/example/';
const EXAMPLES = join(ROOT, 'examples');
/** `/hearth-cdn/…`: the versioned CDN folders (dist/cdn at the root), byte for byte, with a CDN's headers. */
const CDN_PREFIX = '/hearth-cdn/';
const CDN = join(ROOT, 'dist/cdn');
/** A file of dist/cdn the test has tampered with (`hearth-cdn-tamper`): served with extra bytes. */
let cdnTampered;
const TYPES = { '.html': 'html', '.css': 'css', '.js': 'js', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** @typedef {{ kind: 'loader' | 'all' | 'loader-copy' | 'all-copy' | 'loader-fresh', attrs?: Record<string, string> }} ScriptSpec */
/**
 * @typedef {{
 *   scripts: ScriptSpec[], body: string, hostileCss?: boolean, csp?: { endpoint?: string },
 *   lang?: string, title?: string, head?: string, fresh?: number
 * }} PageSpec
 */

const escapeAttr = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const SCRIPT_SRC = {
  loader: '/packages/hearth/dist/hearth.js',
  all: '/packages/hearth/dist/hearth.all.js',
  // The same files under another URL, chunks included: a second, independent copy of Hearth, as
  // when a tag manager adds another version from another CDN.
  'loader-copy': `${COPY_PREFIX}hearth.js`,
  'all-copy': `${COPY_PREFIX}hearth.all.js`,
};

/** @param {PageSpec} spec */
export function renderPage(spec) {
  const scripts = spec.scripts.map(({ kind, attrs = {} }) => {
    const data = Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join('');
    const type = kind === 'all' ? '' : ' type="module"';
    const src = kind === 'loader-fresh' ? `${FRESH_PREFIX}${spec.fresh}/hearth.js` : SCRIPT_SRC[kind];
    return `<script${type} src="${src}"${data}></script>`;
  });
  const css =
    spec.hostileCss === false
      ? []
      : [
          '<link rel="stylesheet" href="/node_modules/bootstrap/dist/css/bootstrap.min.css">',
          '<link rel="stylesheet" href="/node_modules/tailwindcss/preflight.css">',
          '<link rel="stylesheet" href="/test/fixtures/hostile/hostile.css">',
        ];
  return `<!doctype html>
<html lang="${escapeAttr(spec.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttr(spec.title ?? 'A clinic page with hostile CSS')}</title>
<script src="/test/fixtures/hostile/probe.js"></script>
${css.join('\n')}
${spec.head ?? ''}
${scripts.join('\n')}
</head>
<body>
${spec.body}
</body>
</html>
`;
}

/** The strict policy of the issue: nothing inline, no eval, Trusted Types for script sinks. */
export function strictCsp(endpoint) {
  const connect = endpoint ? ` ${new URL(endpoint).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self'${connect}`,
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/**
 * Chunks of the built bundle whose responses a test holds back or fails (`hearth-hold`): a slow or
 * broken network for the parts that load on demand. Keyed by a piece of the file name
 * (`chunks/steps-`); the middleware below applies them.
 * @type {Map<string, { mode: 'hold' | 'fail', release: Promise<void>, resolve: () => void }>}
 */
const holds = new Map();

/**
 * Koa middleware for the dist config: holds (until released) or fails (503) the matching chunks.
 * Chunks are served `no-store`, so that a chunk an earlier test loaded is fetched again (and can
 * be held) rather than taken from the browser's cache.
 */
export function holdMiddleware() {
  return async (ctx, next) => {
    if (ctx.path.includes('/chunks/')) ctx.set('Cache-Control', 'no-store');
    for (const [match, hold] of holds) {
      if (!ctx.path.includes(match)) continue;
      if (hold.mode === 'fail') {
        ctx.status = 503;
        ctx.body = 'held back by the test';
        return;
      }
      await hold.release;
    }
    await next();
    if (ctx.path.includes('/chunks/')) ctx.set('Cache-Control', 'no-store');
  };
}

function setHold(match, mode) {
  holds.get(match)?.resolve();
  holds.delete(match);
  if (mode === 'hold' || mode === 'fail') {
    let resolve = () => {};
    const release = new Promise((r) => (resolve = r));
    holds.set(match, { mode, release, resolve });
  }
  return { holding: [...holds.keys()] };
}

export function hearthPagesPlugin() {
  /** @type {Map<string, PageSpec>} */
  const pages = new Map();
  /** @type {Map<string, string>} */
  const configs = new Map();
  let counter = 0;
  /** How examples are served: text rewrites (their fixed ports → test servers) and a CSP. */
  let example = { rewrites: [], csp: undefined };

  return {
    name: 'hearth-pages',
    serve(context) {
      if (context.path.startsWith(PAGE_PREFIX)) {
        const spec = pages.get(context.path.slice(PAGE_PREFIX.length));
        if (!spec) return { body: 'no such page', type: 'text/plain' };
        const headers = spec.csp ? { 'content-security-policy': strictCsp(spec.csp.endpoint) } : {};
        return { body: renderPage(spec), type: 'html', headers };
      }
      // The examples load Hearth from /hearth/, as `pnpm start` serves it.
      if (context.path.startsWith('/hearth/')) {
        const file = resolve(DIST, context.path.slice('/hearth/'.length));
        if (!file.startsWith(DIST) || !existsSync(file)) return undefined;
        return { body: readFileSync(file, 'utf8'), type: 'js' };
      }
      if (context.path.startsWith(EXAMPLE_PREFIX)) {
        // `x.json.raw` serves x.json untouched (the esbuild plugin turns any *.json into a module).
        let file = resolve(EXAMPLES, context.path.slice(EXAMPLE_PREFIX.length).replace(/\.json\.raw$/, '.json'));
        if (!file.startsWith(EXAMPLES)) return undefined;
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
        if (!existsSync(file)) return undefined;
        const ext = context.path.endsWith('.json.raw') ? '.json' : (/\.[a-z]+$/.exec(file)?.[0] ?? '');
        let body = readFileSync(file, 'utf8');
        for (const [from, to] of example.rewrites) body = body.split(from).join(to);
        const headers = ext === '.html' && example.csp ? { 'content-security-policy': strictCsp(example.csp.endpoint) } : {};
        return { body, type: TYPES[ext] ?? 'text/plain', headers };
      }
      if (context.path.startsWith(CDN_PREFIX)) {
        const body = cdnBody(context.path);
        if (body === undefined) return undefined;
        const ext = /\.[a-z]+$/.exec(context.path)?.[0] ?? '';
        // As a CDN serves a versioned folder: cacheable for ever, readable cross-origin (module scripts and SRI need CORS).
        const headers = { 'cache-control': 'public, max-age=31536000, immutable', 'access-control-allow-origin': '*' };
        return { body, type: TYPES[ext] ?? 'text/plain', headers };
      }
      if (context.path === LIT) {
        // The very lit module instance the widgets use (the root does not depend on lit).
        const lit = realpathSync(join(ROOT, 'packages/core/node_modules/lit'));
        return { body: `export * from '/${relative(ROOT, lit).split('\\').join('/')}/index.js';\n`, type: 'js' };
      }
      if (context.path === STORIES_INDEX) {
        // Every story file, listed when asked: a new one is swept without editing the test.
        const files = readdirSync(join(ROOT, 'stories'))
          .filter((f) => f.endsWith('.stories.ts'))
          .sort();
        const entries = files.map((f) => `  ${JSON.stringify(f)}: () => import(${JSON.stringify(`/stories/${f}`)}),`);
        return { body: `export default {\n${entries.join('\n')}\n};\n`, type: 'js' };
      }
      if (context.path.startsWith(FRESH_PREFIX)) {
        const file = resolve(DIST, context.path.slice(FRESH_PREFIX.length).replace(/^\d+\//, ''));
        if (!file.startsWith(DIST) || !existsSync(file)) return undefined;
        return { body: readFileSync(file, 'utf8'), type: 'js' };
      }
      if (context.path.startsWith(COPY_PREFIX)) {
        const file = resolve(DIST, context.path.slice(COPY_PREFIX.length));
        if (!file.startsWith(DIST) || !existsSync(file)) return undefined;
        return { body: readFileSync(file, 'utf8'), type: 'js' };
      }
      if (context.path.startsWith(CONFIG_PREFIX)) {
        const body = configs.get(context.path.slice(CONFIG_PREFIX.length));
        // Unknown: fall through to the static files, which answer 404.
        return body === undefined ? undefined : { body, type: 'application/json' };
      }
      return undefined;
    },
    transform(context) {
      // Other plugins turn *.json into modules and rewrite scripts: the CDN route serves the files as they are.
      if (context.path.startsWith(CDN_PREFIX)) {
        const body = cdnBody(context.path);
        return body === undefined ? undefined : { body };
      }
      // The test server appends its own web-socket <script> to HTML: not part of a host page.
      if ((context.path.startsWith(PAGE_PREFIX) || context.path.startsWith(EXAMPLE_PREFIX)) && typeof context.body === 'string') {
        return { body: context.body.replace(/<!-- injected by web-dev-server -->\s*<script[^>]*><\/script>/, '') };
      }
      return undefined;
    },
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'hearth-dist': {
          const loader = join(DIST, 'hearth.js');
          if (!existsSync(loader)) return { built: false };
          const stats = existsSync(join(DIST, 'stats.json')) ? JSON.parse(readFileSync(join(DIST, 'stats.json'), 'utf8')) : undefined;
          return { built: true, builtAt: statSync(loader).mtime.toISOString(), stats };
        }
        case 'hearth-page': {
          const id = `p${++counter}`;
          pages.set(id, { ...payload, fresh: counter });
          return { url: `${PAGE_PREFIX}${id}` };
        }
        case 'hearth-config': {
          const id = `c${++counter}`;
          configs.set(id, typeof payload.body === 'string' ? payload.body : JSON.stringify(payload.body));
          return { url: `${CONFIG_PREFIX}${id}` };
        }
        case 'hearth-example':
          example = { rewrites: payload.rewrites ?? [], csp: payload.csp };
          return { base: EXAMPLE_PREFIX };
        case 'hearth-cdn-tamper':
          cdnTampered = payload?.file;
          return { tampered: cdnTampered ?? null };
        case 'hearth-hold':
          return setHold(payload.match, payload.mode);
        case 'hearth-count-instances':
          return countInstances(session, payload.frameTitle, payload.expression);
        default:
          return undefined;
      }
    },
  };
}

/** The text of a dist/cdn file for a `/hearth-cdn/…` path (with extra bytes when tampered), or undefined. */
function cdnBody(path) {
  // `/hearth-cdn/fresh-<n>/…` is the same folder under a URL of its own (nothing from the browser's cache).
  const relativePath = path.slice(CDN_PREFIX.length).replace(/^fresh-\d+\//, '');
  const file = resolve(CDN, relativePath);
  if (!file.startsWith(CDN) || !existsSync(file) || statSync(file).isDirectory()) return undefined;
  const body = readFileSync(file, 'utf8');
  return relativePath === cdnTampered ? `${body}\n;/* changed after publication */\n` : body;
}

/**
 * Live objects whose prototype chain includes the value of `expression`, evaluated inside the
 * host page iframe titled `frameTitle`, after full garbage collections. A widget removed from
 * the page but still counted here is leaked (held by a listener, a timer, a module-level set).
 */
async function countInstances(session, frameTitle, expression) {
  const page = session.browser.getPage?.(session.id);
  if (!page) throw new Error('hearth-count-instances needs the Chrome launcher');
  const cdp = await page.createCDPSession();
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable'); // replays the existing contexts
    // queryObjects only sees objects of the context the prototype is evaluated in: find the frame's.
    let contextId;
    for (const context of contexts.filter((c) => c.auxData?.isDefault)) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: 'window.frameElement ? window.frameElement.title : null',
        contextId: context.id,
        returnByValue: true,
      });
      if (result.value === frameTitle) contextId = context.id;
    }
    if (contextId === undefined) throw new Error(`no frame titled "${frameTitle}"`);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId });
    if (exceptionDetails || !result.objectId) throw new Error(`cannot evaluate ${expression}: ${exceptionDetails?.text ?? result.type}`);
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
    const { result: length } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return { count: length.value };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
