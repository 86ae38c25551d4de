/**
 * Serves the built Docusaurus site (`npm run build` -> build/) from the same process as the
 * API. Clean URLs work as Docusaurus links them (`/docs/x` -> `docs/x/index.html` or
 * `docs/x.html`); hashed assets are cached for a year, HTML is revalidated; anything else is the
 * site's own 404 page with status 404. /api/* never falls through to the site.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ApiCodes, errorBody, NOT_FOUND_MESSAGE } from './errors';
import { pathOnly } from './logging';

/** A file under `root` for a request path, or undefined (never escapes root). */
export function siteFileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  const candidates = decoded.endsWith('/') ? [join(rel, 'index.html')] : [join(rel, 'index.html'), `${rel}.html`];
  for (const candidate of candidates) {
    const abs = resolve(root, candidate);
    if (abs !== root && !abs.startsWith(root + sep)) continue;
    try {
      if (statSync(abs).isFile()) return candidate.split(sep).join('/');
    } catch { /* next */ }
  }
  return undefined;
}

export async function registerStaticSite(app: FastifyInstance, siteDir: string): Promise<void> {
  const root = resolve(siteDir);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    redirect: false,
    wildcard: true,
    dotfiles: 'deny',
    setHeaders: (res, path) => {
      const rel = path.slice(root.length).split(sep).join('/');
      res.header('cache-control', rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const notFoundPage = existsSync(join(root, '404.html'));
  app.setNotFoundHandler(async (request, reply) => {
    const path = pathOnly(request.url);
    if (path.startsWith('/api/') || path === '/api') {
      return reply.code(404).send(errorBody(404, ApiCodes.NOT_FOUND, NOT_FOUND_MESSAGE));
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      const file = siteFileFor(root, path);
      if (file) return reply.sendFile(file);
      if (notFoundPage) return reply.code(404).sendFile('404.html');
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });
}
