import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { claimsOf, sourceLinks, splitBlocks, unsourcedBlocks } from './docs-sources';
import { SOURCE_EXCEPTIONS } from './docs-sources.allowlist';

/**
 * Every docs paragraph, list item and table row that names a host, URL, port, version, date,
 * duration or permission carries a public source link in the same block, or is on the reviewed
 * list of exceptions (scripts/docs-sources.allowlist.ts) with its reason. Diagrams (code blocks),
 * headings and component tags are not blocks: the prose around them carries the sources.
 */

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs');

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? pages(full) : full.endsWith('.mdx') ? [full] : [];
  }).sort();
}

const PAGES = pages(DOCS).map((file) => ({ page: path.relative(DOCS, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));

function isExcepted(page: string, text: string): boolean {
  return SOURCE_EXCEPTIONS.some((e) => e.page === page && text.includes(e.contains));
}

describe('every factual block in docs/ carries its source', () => {
  it('reads the pages', () => {
    expect(PAGES.length).toBeGreaterThan(30);
    expect(PAGES.map((p) => p.page)).toContain('authentication/index.mdx');
  });

  it.each(PAGES.map((p) => [p.page, p.text] as const))('%s', (page, text) => {
    const missing = unsourcedBlocks(text)
      .filter((f) => !isExcepted(page, f.text))
      .map((f) => `line ${f.line} (${f.kind}) names ${f.claims.map((c) => `${c.kind} "${c.match}"`).join(', ')}: ${f.text.slice(0, 120)}`);
    expect(missing, `${page}: add a source link in the same block, or a reviewed exception`).toEqual([]);
  });

  it('keeps every exception reasoned, and in use on a block that would otherwise fail', () => {
    for (const e of SOURCE_EXCEPTIONS) {
      expect(e.reason.length, e.contains).toBeGreaterThan(30);
      const page = PAGES.find((p) => p.page === e.page);
      expect(page, e.page).toBeDefined();
      const hits = unsourcedBlocks(page!.text).filter((f) => f.text.includes(e.contains));
      expect(hits.length, `${e.page}: "${e.contains}" no longer matches an unsourced block; remove the exception`).toBe(1);
    }
  });
});

describe('the block splitter and the claim finder', () => {
  const page = [
    '---', 'title: x', '---', '', "import X from '@site/src/components/X';", '',
    '# Heading with TLS 1.2', '',
    'A paragraph naming `login.botframework.com`', 'over two lines.', '',
    'A sourced paragraph naming `https://api.botframework.com`', '([REST docs](https://learn.microsoft.com/azure/bot-service/x)).', '',
    '- A list item: refresh every 24 hours', '  continued on a second line.',
    '- A sourced item with `Calls.AccessMedia.All` ([source](https://learn.microsoft.com/graph/x)).', '',
    '| Host | Purpose |', '|---|---|', '| `smba.trafficmanager.net` | replies |', '| `graph.microsoft.com` | Graph ([source](https://learn.microsoft.com/graph/deployments)) |', '',
    '```mermaid', 'flowchart LR', '  A[login.microsoftonline.com] --> B', '```', '',
    ':::note[TLS 1.3]', 'Deprecated since December 2018, on TCP 443.', ':::', '',
    '<FqdnTable cloud="public" />', '',
    'A link to a sibling [page](../network/index.mdx) is not a source for port 443.',
  ].join('\n');

  it('splits paragraphs, list items and table rows, and skips front matter, imports, headings, code and tags', () => {
    const blocks = splitBlocks(page);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'list-item', 'list-item', 'table-row', 'table-row', 'paragraph', 'paragraph']);
    expect(blocks[0]).toMatchObject({ line: 9, text: 'A paragraph naming `login.botframework.com`\nover two lines.' });
    expect(blocks[2]!.text).toContain('continued on a second line.');
    expect(blocks.some((b) => b.text.includes('Host | Purpose'))).toBe(false);
    expect(blocks.some((b) => b.text.includes('login.microsoftonline.com'))).toBe(false);
  });

  it('reports exactly the unsourced blocks that name a claim', () => {
    const found = unsourcedBlocks(page);
    expect(found.map((f) => f.text.split('\n')[0])).toEqual([
      'A paragraph naming `login.botframework.com`',
      '- A list item: refresh every 24 hours',
      '| `smba.trafficmanager.net` | replies |',
      'Deprecated since December 2018, on TCP 443.',
      'A link to a sibling [page](../network/index.mdx) is not a source for port 443.',
    ]);
  });

  it('finds each kind of claim and ignores link targets', () => {
    const kinds = (text: string) => [...new Set(claimsOf(text).map((c) => c.kind))].sort();
    expect(kinds('Fetch `https://login.botframework.com/v1/keys`')).toEqual(['host', 'url', 'version']);
    expect(kinds('UDP 10000-20000 and TCP 5060')).toEqual(['port']);
    expect(kinds('since December 31, 2025')).toEqual(['date']);
    expect(kinds('deprecated after July 31, 2025')).toEqual(['date']);
    expect(kinds('within 10 to 15 seconds')).toEqual(['duration']);
    expect(kinds('a 300-second tolerance')).toEqual(['duration']);
    expect(kinds('`ChannelMessage.Read.Group` and `Calls.JoinGroupCall.All`')).toEqual(['permission']);
    expect(kinds('requires TLS 1.2')).toEqual(['version']);
    expect(kinds('`@microsoft/teams.apps` 2.1.0')).toEqual(['version']);
    expect(claimsOf('see [the docs](https://learn.microsoft.com/azure/bot-service/x)')).toEqual([]);
    expect(claimsOf('answers 401 with a JSON body')).toEqual([]);
    expect(sourceLinks('[a](https://x.example/a) and [b](../b.mdx)')).toEqual(['https://x.example/a']);
  });
});
