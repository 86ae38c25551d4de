/**
 * The catalogue is what the docs show about every check. These tests hold it against things it is
 * not built from, so each can fail: the suites' own lists (ids, suite names, gatherers), the rules'
 * meta (each field read from the rule, not through the catalogue's mapping), and the check pages on
 * disk (file, front matter, order, the parts they render).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allChecks, suites } from './registry';
import { checkCatalogue } from './catalogue';
import { assertValidMeta } from '../testing/check-tester';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGES_DIR = path.join(ROOT, 'docs', 'checks');

/** Check pages on disk: docs/checks/<id>.mdx (the catalogue page index.mdx and partials excluded). */
function pageIds(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => /\.mdx?$/.test(f) && !f.startsWith('_') && !/^index\.mdx?$/.test(f))
    .map((f) => f.replace(/\.mdx?$/, ''))
    .sort();
}

/** A page's front matter as key → raw value (one `key: value` per line). */
function frontMatter(id: string): Record<string, string> {
  const text = readFileSync(path.join(PAGES_DIR, `${id}.mdx`), 'utf8');
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/^(\w+):\s*(.*)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

const suiteEntries = Object.entries(suites);
const idsInSuites = suiteEntries.flatMap(([, s]) => s.checks.map((c) => c.meta.id));

describe('check catalogue against the suites', () => {
  it('has no check id in two suites, nor twice in one', () => {
    const seen = new Map<string, string[]>();
    for (const [name, suite] of suiteEntries) for (const c of suite.checks) seen.set(c.meta.id, [...(seen.get(c.meta.id) ?? []), name]);
    const repeated = [...seen].filter(([, where]) => where.length > 1).map(([id, where]) => `${id} in ${where.join(', ')}`);
    expect(repeated).toEqual([]);
  });

  it('lists every check of every suite once, suite by suite in catalogue order', () => {
    expect(checkCatalogue.map((c) => c.id)).toEqual(idsInSuites);
  });

  it("names for each check the suite that runs it (the rule's meta.suite agrees with the suite's list)", () => {
    const wrong = suiteEntries.flatMap(([name, suite]) => suite.checks.filter((c) => c.meta.suite !== name).map((c) => `${c.meta.id}: meta says ${c.meta.suite}, registered in ${name}`));
    expect(wrong).toEqual([]);
    for (const entry of checkCatalogue) expect(suites[entry.suite].checks.some((c) => c.meta.id === entry.id), entry.id).toBe(true);
  });

  it("gives each check only evidence that a gatherer of its own suite provides", () => {
    const missing = suiteEntries.flatMap(([name, suite]) => {
      const provided = new Set(suite.gatherers.map((g) => g.id));
      return suite.checks.flatMap((c) => [...c.meta.requiredEvidence, ...(c.meta.optionalEvidence ?? [])]
        .filter((e) => !provided.has(e))
        .map((e) => `${c.meta.id} reads ${e}, which no gatherer of the ${name} suite provides`));
    });
    expect(missing).toEqual([]);
  });

  it('has ids in kebab case with the prefix of an area', () => {
    for (const { id } of checkCatalogue) expect(id).toMatch(/^(endpoint|tls|auth|calling|manifest|registration|egress|residency|credentials)(-[a-z0-9]+)+$/);
  });
});

describe('check catalogue against the rules', () => {
  it.each(allChecks.map((c) => [c.meta.id, c] as const))("%s: the entry carries the rule's meta field by field", (id, check) => {
    const { meta } = check;
    const entry = checkCatalogue.find((c) => c.id === id);
    expect(entry).toBeDefined();
    expect(entry).toMatchObject({
      suite: meta.suite, title: meta.title, failureTitle: meta.failureTitle, description: meta.description, severity: meta.severity,
      requiredEvidence: [...meta.requiredEvidence], optionalEvidence: [...(meta.optionalEvidence ?? [])], messages: meta.messages,
    });
    expect(entry!.remediation).toEqual(Object.fromEntries(Object.entries(meta.remediation ?? {}).filter(([, v]) => v !== undefined)));
    expect(entry!.sources).toEqual(meta.sources.map(({ title, url }) => ({ title, url })));
    expect(entry!.docsUrl).toBe(`/docs/checks/${id}`);
  });

  it.each(allChecks.map((c) => [c.meta.id, c] as const))('%s: well-formed meta, remediation only for its own message ids', (_id, check) => {
    assertValidMeta(check);
    const ids = Object.keys(check.meta.messages);
    expect(Object.keys(check.meta.remediation ?? {}).filter((k) => !ids.includes(k)), 'remediation for a messageId the rule does not have').toEqual([]);
    for (const [k, text] of Object.entries(check.meta.messages)) expect(String(text).trim(), k).not.toBe('');
    if (check.meta.severity !== 'info') expect(check.meta.title, 'a check that can fail has a failure title of its own').not.toBe(check.meta.failureTitle);
  });

  it('is plain JSON (it is handed to the site through customFields)', () => {
    expect(JSON.parse(JSON.stringify(checkCatalogue))).toEqual(checkCatalogue);
  });
});

describe('one page per check', () => {
  it('every registered check has docs/checks/<id>.mdx', () => {
    const pages = new Set(pageIds());
    const missing = checkCatalogue.map((c) => c.id).filter((id) => !pages.has(id));
    expect(missing, 'registered checks without a page (add docs/checks/<id>.mdx)').toEqual([]);
  });

  it('every page belongs to a registered check', () => {
    const ids = new Set(idsInSuites);
    const orphans = pageIds().filter((id) => !ids.has(id));
    expect(orphans, 'pages without a check (rename or delete them)').toEqual([]);
  });

  it('orders the pages in the sidebar as the catalogue orders the checks', () => {
    const positions = checkCatalogue.map((c) => Number(frontMatter(c.id).sidebar_position));
    for (const p of positions) expect(Number.isFinite(p)).toBe(true);
    const sorted = [...positions].sort((a, b) => a - b);
    expect(positions).toEqual(sorted);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it.each(pageIds())('%s.mdx is titled with its id and renders its own meta', (id) => {
    const text = readFileSync(path.join(PAGES_DIR, `${id}.mdx`), 'utf8');
    const front = frontMatter(id);
    expect(front.title).toBe(id);
    expect(front.sidebar_label).toBe(id);
    const named = [...text.matchAll(/<CheckMeta id="([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(new Set(named)).toEqual(new Set([id]));
    for (const part of ['summary', 'messages', 'remediation', 'sources']) {
      expect(text, `part ${part}`).toContain(`part="${part}"`);
    }
  });
});
