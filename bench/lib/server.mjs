// A static server on 127.0.0.1 for the size check and the benchmark. It compresses text with
// gzip level 9 (what a well-configured CDN sends), never lets the browser cache, and logs every
// response with the exact number of body bytes it put on the wire: that log is how we know what
// a browser downloaded, independently of how the build thinks it is split.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

/**
 * @typedef {{ path: string, status: number, type: string, bytes: number, raw: number, encoding: string, at: number }} LogEntry
 * @typedef {{ url: string, log: LogEntry[], page(path: string, html: string): void, reset(): LogEntry[], close(): Promise<void> }} BenchServer
 */

/**
 * @param {{ mounts: Record<string, string>, pages?: Record<string, string> }} options
 *   mounts: URL prefix ('/hearth/') → folder on disk. pages: URL path → HTML served as is.
 * @returns {Promise<BenchServer>}
 */
export async function startServer({ mounts, pages = {} }) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const virtual = new Map(Object.entries(pages));
  /** gzip is slow at level 9: keep each file's compressed form until the file changes. */
  const cache = new Map();
  /** @type {LogEntry[]} */
  let log = [];

  async function body(file) {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    const key = `${file}:${info.mtimeMs}:${info.size}`;
    let entry = cache.get(file);
    if (entry?.key !== key) {
      const raw = await readFile(file);
      entry = { key, raw, gzip: COMPRESSIBLE.has(extname(file)) ? gzipSync(raw, { level: 9 }) : undefined };
      cache.set(file, entry);
    }
    return entry;
  }

  function locate(pathname) {
    for (const [prefix, dir] of table) {
      if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) continue;
      let rest = decodeURIComponent(pathname.slice(prefix.length));
      if (rest === '' || rest.endsWith('/')) rest += 'index.html';
      const file = normalize(join(dir, rest));
      if (file !== dir && !file.startsWith(dir + sep)) return undefined; // no way out of the mount
      return file;
    }
    return undefined;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const gzipOk = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const send = (status, type, raw, gz) => {
      const useGzip = gzipOk && gz !== undefined;
      const payload = useGzip ? gz : raw;
      res.writeHead(status, {
        'content-type': type,
        'content-length': payload.length,
        'cache-control': 'no-store',
        ...(useGzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : payload);
      log.push({
        path: url.pathname,
        status,
        type,
        bytes: payload.length,
        raw: raw.length,
        encoding: useGzip ? 'gzip' : 'identity',
        at: Date.now(),
      });
    };
    try {
      const html = virtual.get(url.pathname);
      if (html !== undefined) {
        const raw = Buffer.from(html);
        send(200, TYPES['.html'], raw, gzipSync(raw, { level: 9 }));
        return;
      }
      let file = locate(url.pathname);
      let found = file ? await body(file).catch(() => undefined) : undefined;
      if (!found && file && !extname(file)) {
        // `/examples/site` → `/examples/site/index.html`
        file = join(file, 'index.html');
        found = await body(file).catch(() => undefined);
      }
      if (!found || !file) {
        send(404, TYPES['.txt'], Buffer.from(`not found: ${url.pathname}\n`));
        return;
      }
      send(200, TYPES[extname(file)] ?? 'application/octet-stream', found.raw, found.gzip);
    } catch (error) {
      send(500, TYPES['.txt'], Buffer.from(String(error)));
    }
  });
  // Keep-alive sockets would hold `close()` open for seconds after the browser is gone.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    get log() {
      return log;
    },
    page(path, html) {
      virtual.set(path, html);
    },
    reset() {
      const previous = log;
      log = [];
      return previous;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => server.close(() => done()));
    },
  };
}
