/**
 * Static site serving and security headers: every answer (API, pages, assets, errors) carries
 * them, and the site's CSP allows exactly the inline scripts the site contains, by hash.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineScriptHashes, siteCsp } from './security-headers';
import { siteFileFor } from './static-site';
import { call, postRun, startApi, type RunningApi } from '../testing/api-server';

const INLINE = '(function(){document.documentElement.setAttribute("data-theme","light")})()';
const INLINE_HASH = `sha256-${createHash('sha256').update(INLINE).digest('base64')}`;

let site: string;
let api: RunningApi;

function page(title: string): string {
  return `<!doctype html><html><head><title>${title}</title><script>${INLINE}</script>`
    + '<script type="application/ld+json">{"@context":"https://schema.org"}</script>'
    + `<script src="/assets/js/main.js" defer></script></head><body>${title}</body></html>`;
}

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'botflow-site-'));
  mkdirSync(join(site, 'docs', 'architecture'), { recursive: true });
  mkdirSync(join(site, 'assets', 'js'), { recursive: true });
  writeFileSync(join(site, 'index.html'), page('Home'));
  writeFileSync(join(site, 'docs', 'architecture', 'index.html'), page('Architecture'));
  writeFileSync(join(site, 'docs', 'faq.html'), page('FAQ'));
  writeFileSync(join(site, '404.html'), page('Page Not Found'));
  writeFileSync(join(site, 'assets', 'js', 'main.js'), 'console.log(1)');
  writeFileSync(join(site, '.env'), 'SECRET=1');
  api = await startApi({ mode: 'production', siteDir: site });
});
afterAll(async () => {
  await api.close();
  rmSync(site, { recursive: true, force: true });
});

function expectSecurityHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
}

describe('security headers', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/docs/architecture'],
    ['GET', '/assets/js/main.js'],
    ['GET', '/no/such/page'],
    ['GET', '/api/health'],
    ['GET', '/api/nothing'],
  ])('are on %s %s', async (method, path) => {
    const res = await call(api.base, path, { method });
    expectSecurityHeaders(res.headers);
  });

  it('are on run answers, errors and streams', async () => {
    expectSecurityHeaders((await postRun(api.base, '{bad')).headers);
    expectSecurityHeaders((await postRun(api.base, { suite: 'residency', input: { serviceUrl: 'https://smba.trafficmanager.net/emea/' } })).headers);
  });

  it('the API CSP allows nothing to load, and API answers are never cached', async () => {
    const res = await call(api.base, '/api/health');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await call(api.base, '/api/nothing')).headers.get('cache-control')).toBe('no-store');
  });

  it("the site CSP allows the site's inline script by hash, and no other inline script", async () => {
    const csp = (await call(api.base, '/')).headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.split(' ').sort()).toEqual(["'self'", `'${INLINE_HASH}'`].sort());
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(scriptSrc).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/object-src 'none'/);
  });
});

describe('static site', () => {
  it('serves pages by their clean URLs', async () => {
    expect((await call(api.base, '/')).text).toContain('Home');
    expect((await call(api.base, '/docs/architecture')).text).toContain('Architecture');
    expect((await call(api.base, '/docs/architecture/')).text).toContain('Architecture');
    expect((await call(api.base, '/docs/faq')).text).toContain('FAQ');
  });

  it('caches hashed assets and revalidates pages', async () => {
    expect((await call(api.base, '/assets/js/main.js')).headers.get('cache-control')).toMatch(/immutable/);
    expect((await call(api.base, '/docs/architecture')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers unknown pages with the site 404 page and status 404', async () => {
    const res = await call(api.base, '/docs/nope');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Page Not Found');
  });

  it('never serves dotfiles or files outside the site', async () => {
    expect((await call(api.base, '/.env')).text).not.toContain('SECRET');
    const traversal = await call(api.base, '/..%2f..%2fetc%2fpasswd');
    expect([403, 404]).toContain(traversal.status);
    expect(traversal.text).not.toMatch(/root:/);
    expect(siteFileFor(site, '/../../etc/passwd')).toBeUndefined();
    expect(siteFileFor(site, '/%2e%2e/%2e%2e/etc/hostname')).toBeUndefined();
    expect(siteFileFor(site, '/docs/architecture')).toBe('docs/architecture/index.html');
  });

  it('does not let /api paths fall through to the site', async () => {
    const res = await call(api.base, '/api/docs');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });
});

describe('inline script hashes', () => {
  it('hashes executable inline scripts only', () => {
    const hashes = inlineScriptHashes(page('x'));
    expect(hashes).toEqual([INLINE_HASH]);
    expect(inlineScriptHashes('<script type="module">a()</script><script></script>')).toHaveLength(1);
  });

  it('builds a CSP with every hash', () => {
    expect(siteCsp(['sha256-a', 'sha256-b'])).toMatch(/script-src 'self' 'sha256-a' 'sha256-b';/);
  });
});
