/**
 * Docusaurus plugin: mounts the check API into the development server, so `npm run dev` serves
 * the site with live reload, its widgets and /api/* on http://localhost:3000. Development mode
 * allows private targets (a bot on localhost can be checked). `npm start` and production use
 * `botflow serve` instead (the built site and the API from one process).
 *
 * The dev server (webpack-dev-server, also under @docusaurus/faster's Rspack) takes extra
 * middlewares through `devServer.setupMiddlewares`; Docusaurus merges a plugin's `devServer`
 * into its own, and webpack-merge calls both setupMiddlewares functions with the same array and
 * concatenates what they return. So this one puts its middleware first in that shared array
 * and returns nothing new (an empty array), which keeps every default middleware exactly once.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoadContext, Plugin } from '@docusaurus/types';

type Next = (err?: unknown) => void;
interface Middleware { name: string; path: string; middleware: (req: IncomingMessage, res: ServerResponse, next: Next) => void }

export function isApiPath(url: string | undefined): boolean {
  return url === '/api' || Boolean(url?.startsWith('/api/'));
}

export default function apiDevPlugin(_context: LoadContext): Plugin {
  return {
    name: 'botflow-api-dev',
    configureWebpack(_config, isServer) {
      if (isServer || process.env.NODE_ENV === 'production') return {};
      let api: Promise<{ routing(req: IncomingMessage, res: ServerResponse): void; close(): Promise<unknown> }> | undefined;
      const start = () => {
        api ??= import('../../checks/server/app').then(({ createApiServer }) => {
          // BOTFLOW_CA: a PEM file of extra roots (a local bot with a private test CA). Its path
          // goes to /api/health too (development allows private targets), for the shown `--ca`.
          const caFile = process.env.BOTFLOW_CA ? resolve(process.env.BOTFLOW_CA) : undefined;
          const ca = caFile ? readFileSync(caFile, 'utf8') : undefined;
          return createApiServer({
            mode: 'development',
            ...(ca && caFile ? { ca, caFile } : {}),
            // BOTFLOW_ALLOWED_HOSTS: names besides localhost the dev API answers (comma-separated).
            ...(process.env.BOTFLOW_ALLOWED_HOSTS ? { allowedHosts: process.env.BOTFLOW_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean) } : {}),
            logger: { level: process.env.BOTFLOW_LOG_LEVEL ?? 'warn' },
          });
        });
        return api;
      };
      const middleware: Middleware = {
        name: 'botflow-api',
        path: '/api',
        middleware: (req, res, next) => {
          // Mounted at /api: connect strips the prefix, fastify needs the full URL back.
          const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
          if (!isApiPath(original)) { next(); return; }
          req.url = original;
          start().then((app) => app.routing(req, res), (err: unknown) => {
            res.statusCode = 500;
            res.setHeader('content-type', 'application/json; charset=utf-8');
            res.end(JSON.stringify({ statusCode: 500, error: 'Internal Server Error', code: 'CHK_ERR_INTERNAL', message: `The check API could not start: ${(err as Error)?.message ?? String(err)}` }));
          });
        },
      };
      return {
        devServer: {
          setupMiddlewares: (middlewares: Middleware[]) => {
            middlewares.unshift(middleware);
            void start();
            return [];
          },
        },
      } as Record<string, unknown>;
    },
  };
}
