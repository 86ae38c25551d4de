/**
 * Security headers for everything the server sends: the API and the static site. The site's
 * CSP allows scripts and styles from the same origin, plus the inline scripts the built site
 * actually contains, by their SHA-256 hash (computed from the built HTML at start-up).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Headers on every response. */
export const BASE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});

/** CSP for API answers (JSON, ndjson): nothing may load, nothing may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * CSP for the site. Docusaurus and its plugins need: their own scripts and styles, inline
 * style attributes and <style> elements (React style props, Mermaid's SVG), images from data:
 * URLs (inline SVG icons), fetches to the same origin (search index, the API), and a few
 * inline scripts (the colour-mode bootstrap), which are allowed by hash only.
 */
export function siteCsp(scriptHashes: readonly string[]): string {
  const scripts = ["'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const DATA_TYPES = /\btype\s*=\s*["']?(application\/ld\+json|application\/json|text\/template)/i;

/** SHA-256 hashes (CSP form `sha256-...`) of the executable inline scripts in one HTML text. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    if (/\bsrc\s*=/i.test(attrs) || DATA_TYPES.test(attrs) || body.length === 0) continue;
    out.push(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return out;
}

/** Hashes of every distinct inline script in the site's HTML files (sorted, deduplicated). */
export async function collectSiteScriptHashes(siteDir: string, maxFiles = 5_000): Promise<string[]> {
  const hashes = new Set<string>();
  let seen = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (seen >= maxFiles) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.endsWith('.html')) {
        seen += 1;
        for (const h of inlineScriptHashes(await readFile(path, 'utf8'))) hashes.add(h);
      }
    }
  };
  await walk(siteDir);
  return [...hashes].sort();
}
