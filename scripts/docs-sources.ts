/**
 * The "every factual block carries its source" rule for the docs pages: splits an MDX page into
 * blocks (paragraphs, list items, table rows), finds the ones that name a host, URL, port,
 * version, date, duration or permission, and reports those without a public source link in the
 * same block. Used by scripts/docs-sources.test.ts; pure functions, no I/O.
 */

export type BlockKind = 'paragraph' | 'list-item' | 'table-row';

export interface Block {
  kind: BlockKind;
  /** The block's text, lines joined with "\n". */
  text: string;
  /** 1-based line of the block's first line in the page. */
  line: number;
}

export type ClaimKind = 'host' | 'url' | 'port' | 'version' | 'date' | 'duration' | 'permission';

export interface Claim {
  kind: ClaimKind;
  match: string;
}

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^#{1,6}\s/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+/;
const TABLE_ROW = /^\s*\|/;
const TABLE_SEPARATOR = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;
const ADMONITION = /^\s*:::/;
/** A line that is only JSX: an import, a self-closing or opening/closing component tag. */
const JSX_LINE = /^\s*(import\s.+from\s|export\s|<\/?[A-Z][A-Za-z]*(\s[^>]*)?\/?>\s*$|<[A-Z][A-Za-z]*\s.*\/>\s*$|\{\/\*.*\*\/\}\s*$)/;

/** Splits an MDX page into the blocks the rule looks at. Front matter, code blocks (including
 * Mermaid diagrams), headings, admonition fences, imports and JSX-only lines are not blocks. */
export function splitBlocks(mdx: string): Block[] {
  const lines = mdx.split('\n');
  const blocks: Block[] = [];
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = 1;
    while (i < lines.length && lines[i]!.trim() !== '---') i++;
    i++;
  }
  let current: { kind: BlockKind; lines: string[]; line: number; indent: number } | null = null;
  let tableHeaderPending = false;
  const flush = () => {
    if (current && current.lines.join('').trim()) blocks.push({ kind: current.kind, text: current.lines.join('\n'), line: current.line });
    current = null;
  };
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (FENCE.test(raw)) {
      flush();
      const fence = raw.trim().slice(0, 3);
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence)) i++;
      continue;
    }
    if (!raw.trim()) { flush(); tableHeaderPending = false; continue; }
    if (HEADING.test(raw) || ADMONITION.test(raw) || JSX_LINE.test(raw)) { flush(); continue; }
    if (TABLE_ROW.test(raw)) {
      flush();
      if (TABLE_SEPARATOR.test(raw)) continue;
      // The first row of a table, before its separator line, is its header.
      const next = lines[i + 1] ?? '';
      if (!tableHeaderPending && TABLE_SEPARATOR.test(next)) { tableHeaderPending = true; continue; }
      blocks.push({ kind: 'table-row', text: raw, line: i + 1 });
      continue;
    }
    tableHeaderPending = false;
    const item = LIST_ITEM.exec(raw);
    if (item) {
      flush();
      current = { kind: 'list-item', lines: [raw], line: i + 1, indent: item[1]!.length };
      continue;
    }
    if (current?.kind === 'list-item') {
      // Continuation of the item (indented or lazy) until a blank line or the next item.
      current.lines.push(raw);
      continue;
    }
    if (!current) current = { kind: 'paragraph', lines: [], line: i + 1, indent: 0 };
    current.lines.push(raw);
  }
  flush();
  return blocks;
}

/** Public source links in a block: Markdown links or hrefs to https URLs off this site. */
export function sourceLinks(text: string): string[] {
  return [...text.matchAll(/\]\((https:\/\/[^)\s]+)\)|href="(https:\/\/[^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
}

/** The block as a reader sees it: link targets removed (they are sources, not claims). */
function proseOf(text: string): string {
  return text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/href="[^"]*"/g, '')
    .replace(/<CheckRef\s+id="[^"]*"\s*\/>/g, 'CHECK');
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DETECTORS: ReadonlyArray<[ClaimKind, RegExp]> = [
  ['url', /\bhttps?:\/\/[^\s`)<>"]+/gi],
  ['host', /\b(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|us|cn|io|ms|gov)\b/gi],
  ['port', /\b(?:TCP|UDP|ports?)\s+\d{2,5}(?:\s*-\s*\d{2,5})?\b|\b443\b/gi],
  ['version', /\b(?:TLS|SSL|OAuth|HTTP|v|version|schema)\s*\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+\b|\bv\d+(?:\.\d+)?\b/gi],
  ['date', new RegExp(`\\b(?:\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}|(?:${MONTHS})(?:\\s+\\d{1,2},)?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|(?:19|20)\\d{2})\\b`, 'g')],
  ['duration', /\b\d+(?:\s*(?:to|-|–)\s*\d+)?(?:\s+|-)(?:milliseconds?|ms|seconds?|s|minutes?|min|hours?|h|days?)\b/gi],
  ['permission', /\b[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)+\.(?:All|Group|Chat|User)\b/g],
];

/** The claims of the checked kinds a block names (outside its link targets). */
export function claimsOf(text: string): Claim[] {
  const prose = proseOf(text);
  const out: Claim[] = [];
  for (const [kind, re] of DETECTORS) {
    for (const m of prose.matchAll(re)) out.push({ kind, match: m[0] });
  }
  return out;
}

export interface Finding {
  line: number;
  kind: BlockKind;
  claims: Claim[];
  text: string;
}

/** Blocks that name a checked claim but carry no public source link. */
export function unsourcedBlocks(mdx: string): Finding[] {
  return splitBlocks(mdx)
    .map((b) => ({ ...b, claims: claimsOf(b.text) }))
    .filter((b) => b.claims.length > 0 && sourceLinks(b.text).length === 0)
    .map((b) => ({ line: b.line, kind: b.kind, claims: b.claims, text: b.text }));
}
