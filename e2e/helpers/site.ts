import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is e2e/helpers/site.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the browser tests write screenshots for people to look at (git-ignored). */
export const SCREENSHOTS = path.join(REPO_ROOT, 'e2e', 'screenshots');

/** Where the browser tests write other files to keep (PDFs, downloads; git-ignored). */
export const ARTIFACTS = path.join(REPO_ROOT, 'e2e', 'artifacts');

/** The built site. `SITE_BUILD_DIR` overrides it (for example to test a build made elsewhere). */
export function buildDir(): string {
  const dir = path.resolve(process.env.SITE_BUILD_DIR ?? path.join(REPO_ROOT, 'build'));
  if (!existsSync(path.join(dir, 'index.html')) || !existsSync(path.join(dir, 'sitemap.xml'))) {
    throw new Error(
      `No built site in ${dir} (index.html and sitemap.xml are needed). Run \`npm run build\` first.`,
    );
  }
  return dir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  /** Origin, without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Maps a URL path to a file the way static hosts serve a Docusaurus build:
 * `/a/b` -> `a/b`, `a/b.html`, `a/b/index.html`. Returns null for paths outside `root`.
 */
export async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  const candidates = decoded.endsWith('/')
    ? [path.join(target, 'index.html')]
    : [target, `${target}.html`, path.join(target, 'index.html')];
  for (const candidate of candidates) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

function send(res: ServerResponse, req: IncomingMessage, status: number, file: string): void {
  res.writeHead(status, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/** Serves `root` (a Docusaurus build) on 127.0.0.1 and a free port chosen by the OS. */
export async function startStaticServer(root: string = buildDir()): Promise<StaticServer> {
  const absoluteRoot = path.resolve(root);
  const notFoundPage = path.join(absoluteRoot, '404.html');
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    resolveFile(absoluteRoot, pathname)
      .then(async (file) => {
        if (file) send(res, req, 200, file);
        else if (await isFile(notFoundPage)) send(res, req, 404, notFoundPage);
        else res.writeHead(404).end();
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * Paths of every page in the build's sitemap (docs pages, the landing page, the search page),
 * sorted, each starting with `/`. The sitemap's host is ignored: it is the configured site url.
 */
export function sitemapPaths(root: string = buildDir()): string[] {
  const xml = readFileSync(path.join(root, 'sitemap.xml'), 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  if (paths.length === 0) throw new Error(`No <loc> entries in ${path.join(root, 'sitemap.xml')}`);
  return [...new Set(paths)].sort();
}

/** A file-system friendly name for a page path: `/` -> `home`, `/docs/a/` -> `docs-a`. */
export function pageSlug(pagePath: string): string {
  const slug = pagePath.replace(/^\/+|\/+$/g, '').replace(/[^a-zA-Z0-9._-]+/g, '-');
  return slug === '' ? 'home' : slug;
}
