/**
 * The editor's one local server, on 127.0.0.1 only:
 *   /                      the Decap CMS app (built by Vite into dist/)
 *   /preview.html          the page that renders an entry with the real <hearth-guide>/<hearth-faq>
 *   /api/v1                decap-server's file-system backend on <root>, behind the save check
 *   /hearth/config.json    Decap's configuration, one collection per content pack found under <root>
 *   /hearth/check          the save check (hearth-content check's rules) for the browser's preSave
 *   /hearth/content/...    a pack's Markdown as it is on disk (read-only), for the preview page
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import express, { type Request, type Response, type NextFunction } from 'express';
import decapServer from 'decap-server/dist/middlewares.js';
import { checkChangedFiles, describeProblem, type EditorProblem } from './check-entry.js';
import { contentPath, decapConfig, discoverPacks, type EditablePack } from './packs.js';

export interface EditorServerOptions {
  /** The folder whose `packages/*` hold the content packs (the repository, or a copy of it). */
  root: string;
  /** The built editor (Vite's output). */
  dist: string;
  port: number;
  host?: string;
}

export interface SaveRefusal {
  error: string;
  problems: EditorProblem[];
}

/** Finds the pack and checks the files a save would write; undefined when they are fine. */
export function refuseSave(root: string, packs: EditablePack[], files: { path: string; raw: string }[]): SaveRefusal | undefined {
  const changed = new Map(files.map((f) => [f.path.replace(/\\/g, '/'), f.raw]));
  const problems: EditorProblem[] = [];
  for (const path of changed.keys()) {
    const pack = packs.find((p) => path.startsWith(`${p.dir}/`));
    if (!pack || !pack.languages.some((lang) => pack.files.some((file) => contentPath(pack, lang, file) === path)))
      return { error: `${path} is not a guide or FAQ of a content pack: the editor saves nothing else.`, problems: [] };
  }
  for (const pack of packs) {
    const mine = new Map([...changed].filter(([path]) => path.startsWith(`${pack.dir}/`)));
    if (mine.size) problems.push(...checkChangedFiles(root, pack, mine));
  }
  if (!problems.length) return undefined;
  const lines = problems.map(describeProblem);
  return {
    error: `Not saved: the content check found ${problems.length} problem${problems.length === 1 ? '' : 's'}.\n${lines.join('\n')}`,
    problems,
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export async function startEditorServer(options: EditorServerOptions): Promise<{ server: Server; url: string; packs: EditablePack[] }> {
  const root = resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const app = express();
  app.disable('x-powered-by');
  // Packs are read again on every config request: a pack added while the editor runs shows on reload.
  const packs = () => discoverPacks(root);
  let origin = '';

  app.use((_req: Request, res: Response, next: NextFunction) => {
    // Nothing the editor loads may come from elsewhere (the Decap app and the widgets are bundled).
    // Decap compiles its config schema with ajv (`new Function`): hence 'unsafe-eval', on a page only editors open.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; frame-src 'self' blob:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'",
    );
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });

  app.get('/hearth/config.json', (_req, res) => {
    const found = packs();
    const kinds = Object.fromEntries(found.flatMap((p) => p.files.map((f) => [`${p.id}/${f.name}`, f.kind])));
    res.json({ decap: decapConfig(found, `${origin}/api/v1`), kinds });
  });

  app.post('/hearth/check', express.json({ limit: '10mb' }), (req, res) => {
    const files = (req.body as { files?: { path: string; raw: string }[] })?.files;
    if (!Array.isArray(files)) return void res.status(400).json({ error: 'expected { files: [{ path, raw }] }' });
    const refusal = refuseSave(root, packs(), files);
    res.json(refusal ? { ok: false, ...refusal } : { ok: true, problems: [] });
  });

  app.get('/hearth/content/*', (req, res) => {
    const path = (req.params as Record<string, string>)[0] ?? '';
    const pack = packs().find((p) => p.languages.some((lang) => p.files.some((f) => contentPath(p, lang, f) === path)));
    if (!pack) return void res.status(404).type('text/plain').send('not a content file');
    res.type('text/markdown; charset=utf-8').setHeader('Cache-Control', 'no-store');
    res.send(readFileSync(join(root, path), 'utf8'));
  });

  // The save check guards decap-server itself, so no save can skip it (not even one that bypasses the browser's):
  // it refuses uploads, deletions, moves and assets, and checks every file written.
  app.post('/api/v1', express.json({ limit: '50mb' }), (req, res, next) => {
    const { action, params } = (req.body ?? {}) as { action?: string; params?: Record<string, unknown> };
    if (action === 'persistMedia' || action === 'deleteFile' || action === 'deleteFiles')
      return void res
        .status(403)
        .json({ error: 'The content editor does not upload or delete files: link images with https:// addresses.' });
    if (action !== 'persistEntry') return next();
    const files = (params?.['dataFiles'] ?? [params?.['entry']]) as { path: string; raw: string; newPath?: unknown }[];
    // decap-server would also write `assets` and move a file to `newPath`: the editor does neither.
    const assets = params?.['assets'];
    if ((Array.isArray(assets) && assets.length > 0) || files.some((f) => f?.newPath !== undefined && f.newPath !== f.path))
      return void res.status(422).json({
        error: 'Not saved: the content editor only changes the text of a guide or FAQ; it does not add, upload or move files.',
        problems: [],
      });
    const refusal = refuseSave(root, packs(), files.filter(Boolean));
    if (refusal) return void res.status(422).json(refusal);
    next();
  });
  // decap-server reads its folder from the environment when it registers.
  const previous = process.env['GIT_REPO_DIRECTORY'];
  process.env['GIT_REPO_DIRECTORY'] = root;
  await decapServer.registerLocalFs(app, { logLevel: process.env['HEARTH_EDITOR_LOG'] ?? 'warn' });
  if (previous === undefined) delete process.env['GIT_REPO_DIRECTORY'];
  else process.env['GIT_REPO_DIRECTORY'] = previous;

  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = decodeURIComponent(req.path === '/' ? '/index.html' : req.path);
    const file = resolve(options.dist, `.${path}`);
    if (!file.startsWith(resolve(options.dist)) || !existsSync(file)) return next();
    res.type(TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-store');
    res.send(readFileSync(file));
  });

  const server = createServer(app);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  origin = `http://${host}:${port}`;
  return { server, url: `${origin}/`, packs: packs() };
}
