import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allChecks } from './registry';
import { checkCatalogue, toCatalogueEntry } from './catalogue';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGES_DIR = path.join(ROOT, 'docs', 'checks');

/** Check pages on disk: docs/checks/<id>.mdx (the catalogue page index.mdx and partials excluded). */
function pageIds(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => /\.mdx?$/.test(f) && !f.startsWith('_') && !/^index\.mdx?$/.test(f))
    .map((f) => f.replace(/\.mdx?$/, ''))
    .sort();
}

describe('check catalogue', () => {
  it('lists exactly the registered checks, in registry order', () => {
    expect(checkCatalogue.map((c) => c.id)).toEqual(allChecks.map((c) => c.meta.id));
  });

  it('carries each rule\'s meta unchanged (the same object the runner uses)', () => {
    for (const check of allChecks) {
      const entry = checkCatalogue.find((c) => c.id === check.meta.id)!;
      expect(entry).toEqual(toCatalogueEntry(check));
      expect(entry.title).toBe(check.meta.title);
      expect(entry.severity).toBe(check.meta.severity);
      expect(entry.messages).toEqual(check.meta.messages);
      expect(entry.docsUrl).toBe(`/docs/checks/${check.meta.id}`);
    }
  });

  it('is plain JSON (it is handed to the site through customFields)', () => {
    expect(JSON.parse(JSON.stringify(checkCatalogue))).toEqual(checkCatalogue);
  });
});

describe('one page per check', () => {
  it('every registered check has docs/checks/<id>.mdx', () => {
    const pages = new Set(pageIds());
    const missing = allChecks.map((c) => c.meta.id).filter((id) => !pages.has(id));
    expect(missing, 'registered checks without a page (add docs/checks/<id>.mdx)').toEqual([]);
  });

  it('every page belongs to a registered check', () => {
    const ids = new Set(allChecks.map((c) => c.meta.id));
    const orphans = pageIds().filter((id) => !ids.has(id));
    expect(orphans, 'pages without a check (rename or delete them)').toEqual([]);
  });

  it.each(pageIds())('%s.mdx is titled with its id and renders its own meta', (id) => {
    const text = readFileSync(path.join(PAGES_DIR, `${id}.mdx`), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    expect(front).toMatch(new RegExp(`^title: ${id}$`, 'm'));
    const named = [...text.matchAll(/<CheckMeta id="([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(new Set(named)).toEqual(new Set([id]));
    for (const part of ['summary', 'messages', 'remediation', 'sources']) {
      expect(text, `part ${part}`).toContain(`part="${part}"`);
    }
  });
});
