import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIO } from './io';

/** Where the site is when nothing else is said: what `npm start` and `botflow serve` listen on. */
export const DEFAULT_DOCS_BASE_URL = 'http://localhost:3000';

/** Base URL of the docs links in reports: BOTFLOW_DOCS_URL, else the local site. No trailing slash. */
export function docsBase(env: CliIO['env']): string {
  return (env.BOTFLOW_DOCS_URL ?? DEFAULT_DOCS_BASE_URL).replace(/\/+$/, '');
}

/** The built site that ships with this copy of botflow (the package's build/), when it is there. */
export function shippedSite(io: Pick<CliIO, 'siteDir'>): string | undefined {
  const dir = io.siteDir;
  return dir !== undefined && existsSync(join(dir, 'index.html')) ? dir : undefined;
}

/**
 * One or two lines for `--version` and `--help`: where the docs are for this copy of botflow.
 * Docs links in reports use the same base.
 */
export function docsLocation(io: Pick<CliIO, 'env' | 'siteDir'>): string {
  const base = docsBase(io.env);
  const page = `${base}/docs/self-checks/`;
  if (io.env.BOTFLOW_DOCS_URL !== undefined) return `Docs: ${page} (from BOTFLOW_DOCS_URL)`;
  const site = shippedSite(io);
  if (site) return `Docs: ${page} while "botflow serve" runs (it serves the site shipped in ${site}).\n      Set BOTFLOW_DOCS_URL to where you host the site instead.`;
  return `Docs: ${page} while the site runs ("botflow serve" from the botflow package, or "npm start" in its repository).\n      Set BOTFLOW_DOCS_URL to where you host the site.`;
}
