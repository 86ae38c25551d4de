import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../checks/core/registry';
import { CATALOGUE_CHECKS } from '../checks/core/catalogue';
import { CHECK_IDS, isCheckId } from '../src/components/CheckRef/catalogue';
import {
  CLOUD_PRESETS, FQDN_ENTRIES, REGIONAL_BOT_ENDPOINTS, SERVICE_URL_HOSTS, SERVICE_URL_REGIONS,
} from '../checks/core/clouds';

/**
 * Content rules of the reference pages (docs/<section>/index.mdx): every page is in the sidebar in
 * the agreed order, links a public source, names only real check ids, draws its flows, and keeps
 * shared data in checks/core (rendered by components) instead of copying it into prose.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = path.join(ROOT, 'docs');

/** Section folder -> sidebar position, as agreed for the site. */
const SECTIONS: Record<string, number> = {
  messaging: 2,
  calling: 3,
  authentication: 4,
  network: 5,
  'data-residency': 6,
  clouds: 7,
  hosting: 8,
  faq: 9,
  troubleshooting: 10,
};

function page(section: string): string {
  return readFileSync(path.join(DOCS, section, 'index.mdx'), 'utf8');
}

function externalLinks(text: string): string[] {
  return [...text.matchAll(/\]\((https:\/\/[^)\s]+)\)|href="(https:\/\/[^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
}

function checkRefs(text: string): string[] {
  return [...text.matchAll(/<CheckRef\s+id="([^"]*)"\s*\/>/g)].map((m) => m[1]!);
}

function mermaidBlocks(text: string): number {
  return [...text.matchAll(/^```mermaid\s*$/gm)].length;
}

/** Splits a page into sections under `### ` headings: [heading, body]. */
function h3Sections(text: string): Array<[string, string]> {
  const parts = text.split(/^### /m).slice(1);
  return parts.map((p) => {
    const nl = p.indexOf('\n');
    const body = p.slice(nl + 1).split(/^## /m)[0]!;
    return [p.slice(0, nl).trim(), body];
  });
}

describe.each(Object.entries(SECTIONS))('docs/%s', (section, position) => {
  const text = page(section);

  it('is a sidebar category at its agreed position', () => {
    const category = JSON.parse(readFileSync(path.join(DOCS, section, '_category_.json'), 'utf8')) as { position: number; label: string };
    expect(category.position).toBe(position);
    expect(category.label.length).toBeGreaterThan(0);
  });

  it('has a title and a description in its front matter', () => {
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    expect(front).toMatch(/^title: .+/m);
    expect(front).toMatch(/^description: .{40,}/m);
  });

  it('links at least one public source, only over https', () => {
    const links = externalLinks(text);
    expect(links.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/\]\(http:\/\//);
  });

  it('names only check ids from the catalogue', () => {
    for (const id of checkRefs(text)) expect(isCheckId(id), id).toBe(true);
    // Every <CheckRef> is written in the form the pattern above reads.
    expect((text.match(/<CheckRef/g) ?? []).length).toBe(checkRefs(text).length);
  });

  it('links to sibling pages that exist', () => {
    for (const m of text.matchAll(/\]\((\.\.\/[^)#\s]+)(#[^)\s]*)?\)/g)) {
      expect(existsSync(path.resolve(DOCS, section, m[1]!)), m[1]).toBe(true);
    }
  });

  it('imports only components that exist', () => {
    for (const m of text.matchAll(/from '@site\/src\/components\/([A-Za-z]+)'/g)) {
      expect(existsSync(path.join(ROOT, 'src', 'components', m[1]!, 'index.tsx')), m[1]).toBe(true);
    }
  });

  it('writes admonitions with bracketed titles, outside JSX', () => {
    for (const line of text.split('\n').filter((l) => l.startsWith(':::') && l.trim() !== ':::')) {
      expect(line).toMatch(/^:::(note|tip|info|caution|warning|danger)(\[[^\]]+\])?$/);
    }
    // The only block-level JSX wrapper is <LabelledTable>, around exactly one Markdown table.
    for (const m of text.matchAll(/^<([A-Z][A-Za-z]*)>\s*$/gm)) expect(m[1]).toBe('LabelledTable');
    for (const m of text.matchAll(/^<LabelledTable>\n\n([\s\S]*?)\n\n<\/LabelledTable>$/gm)) {
      const inner = m[1]!.split('\n');
      expect(inner.every((l) => l.startsWith('|')), inner[0]).toBe(true);
      expect(inner[1]).toMatch(/^\|---/);
    }
    expect((text.match(/^<LabelledTable>$/gm) ?? []).length).toBe((text.match(/^<\/LabelledTable>$/gm) ?? []).length);
  });

  it('draws at least one mermaid diagram', () => {
    expect(mermaidBlocks(text)).toBeGreaterThan(0);
  });

  it('presents TLS 1.3-only breakage only as a report', () => {
    expect(tls13OnlyLines(text).every((l) => l.labelled), JSON.stringify(tls13OnlyLines(text))).toBe(true);
  });
});

/** Lines that mention TLS 1.3-only endpoints, and whether each is labelled as a report. */
function tls13OnlyLines(text: string): Array<{ line: string; labelled: boolean }> {
  const found: Array<{ line: string; labelled: boolean }> = [];
  const lines = text.split('\n');
  let admonition = '';
  lines.forEach((line, i) => {
    const open = /^:::(\w+)(?:\[(.*)\])?\s*$/.exec(line);
    if (open) admonition = open[2] ?? '';
    else if (/^:::\s*$/.test(line)) admonition = '';
    if (/TLS 1\.3[- ]only/i.test(line)) {
      found.push({ line, labelled: /reported/i.test(admonition) || /report/i.test(line) || /report/i.test(lines[i - 1] ?? '') });
    }
  });
  return found;
}

describe('TLS 1.3 report', () => {
  it('is on the network page, inside a "Reported" admonition', () => {
    const lines = tls13OnlyLines(page('network'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.labelled)).toBe(true);
  });

  it('an unlabelled requirement would be caught', () => {
    expect(tls13OnlyLines('Endpoints must not be TLS 1.3-only.').every((l) => l.labelled)).toBe(false);
  });
});

describe('FAQ', () => {
  const questions = h3Sections(page('faq'));

  it('has at least 20 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(20);
  });

  it('starts with the five questions of the Learn communication-flow FAQ', () => {
    const firstFive = questions.slice(0, 5).map(([q]) => q.toLowerCase());
    expect(firstFive[0]).toMatch(/azure bot service/);
    expect(firstFive[1]).toMatch(/client/);
    expect(firstFive[2]).toMatch(/public access|privately/);
    expect(firstFive[3]).toMatch(/tenant restrictions/);
    expect(firstFive[4]).toMatch(/outside azure/);
  });

  it.each(questions.map(([q, body]) => [q, body] as const))('"%s" is short, sourced and names a catalogue check', (_q, body) => {
    expect(externalLinks(body).length).toBeGreaterThan(0);
    expect(body).toMatch(/^Source: /m);
    const ids = checkRefs(body);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(isCheckId(id), id).toBe(true);
    const words = body.replace(/\([^)]*\)/g, '').split(/\s+/).filter(Boolean).length;
    expect(words).toBeLessThan(130);
  });

  it('covers the recurring failure modes', () => {
    const all = questions.map(([q]) => q.toLowerCase()).join('\n');
    for (const topic of [
      'single-tenant', 'web chat', 'tls 1.3', 'app service authentication', 'login.botframework.com',
      'secret', 'timeout', 'serviceurl', 'anonymous', 'managed identity', 'custom app upload',
      'graph permission', 'gcc high',
    ]) {
      expect(all, topic).toContain(topic);
    }
  });
});

describe('troubleshooting', () => {
  it('gives every cause a source and a check', () => {
    const rows = page('troubleshooting').split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Likely cause') && !l.startsWith('|---'));
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) {
      expect(externalLinks(row).length, row).toBeGreaterThan(0);
      expect(checkRefs(row).length, row).toBeGreaterThan(0);
    }
  });
});

describe('shared data is rendered, not copied', () => {
  it('the network page renders the allowlist of every cloud from the data module', () => {
    const text = page('network');
    for (const cloud of ['public', 'gcc', 'gcch', 'dod', 'china']) expect(text).toContain(`<FqdnTable cloud="${cloud}" />`);
  });

  it('the clouds page renders the endpoint table', () => {
    expect(page('clouds')).toContain('<CloudEndpointsTable />');
  });

  it('the data residency page renders the serviceUrl, regional, residency and RSC tables', () => {
    const text = page('data-residency');
    for (const tag of ['<ServiceUrlRegionsTable />', '<ServiceUrlHostsTable />', '<RegionalBotsTable />', '<ResidencyStatementsTable cloud="public" />', '<RscPermissionsTable contentOnly />']) {
      expect(text).toContain(tag);
    }
  });

  it('no page spells out an FQDN allowlist in a markdown table', () => {
    for (const section of Object.keys(SECTIONS)) {
      const rows = page(section).split('\n').filter((l) => /^\|\s*`[a-z0-9.*-]+\.(com|net|us|cn)`\s*\|/.test(l));
      expect(rows, section).toEqual([]);
    }
  });
});

/** Microsoft endpoint domains whose hosts the pages may name only if the data module knows them. */
const ENDPOINT_HOST = /\b(?:[a-z0-9-]+\.)*(?:botframework\.(?:com|us|azure\.us|azure\.cn)|microsoftonline\.(?:com|us|cn)|trafficmanager\.net|teams\.microsoft\.(?:com|us)|teams\.microsoftonline\.cn|graph\.microsoft\.(?:com|us)|chinacloudapi\.cn)\b/gi;

/** Hosts named in a page's text, leaving out the targets of links (those are sources, not endpoints). */
function endpointHosts(text: string): string[] {
  const prose = text.replace(/\]\([^)]*\)/g, ']').replace(/href="[^"]*"/g, '');
  return [...new Set([...prose.matchAll(ENDPOINT_HOST)].map((m) => m[0].toLowerCase()))];
}

describe('endpoint hosts named in prose agree with checks/core/clouds', () => {
  const known = JSON.stringify({ CLOUD_PRESETS, FQDN_ENTRIES, SERVICE_URL_HOSTS, SERVICE_URL_REGIONS, REGIONAL_BOT_ENDPOINTS }).toLowerCase();

  it.each(Object.keys(SECTIONS))('docs/%s names only hosts the data module knows', (section) => {
    for (const host of endpointHosts(page(section))) expect(known, `${section}: ${host}`).toContain(host);
  });

  it('finds the hosts the pages do name', () => {
    const all = new Set(Object.keys(SECTIONS).flatMap((section) => endpointHosts(page(section))));
    for (const host of ['login.botframework.com', 'login.microsoftonline.com', 'smba.trafficmanager.net', 'login.botframework.azure.us']) {
      expect(all.has(host), host).toBe(true);
    }
  });

  it('would catch a host the data module does not know', () => {
    expect(endpointHosts('Allow `login.example.botframework.com` and [x](https://learn.microsoft.com).')).toEqual(['login.example.botframework.com']);
    expect(known).not.toContain('login.example.botframework.com');
  });
});

describe('check catalogue', () => {
  it('has unique kebab-case ids', () => {
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    for (const id of CHECK_IDS) expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
  });

  it('contains every check the engine registers and every check of the docs catalogue', () => {
    expect(allChecks.length).toBeGreaterThan(0);
    for (const check of allChecks) expect(isCheckId(check.meta.id), check.meta.id).toBe(true);
    for (const check of CATALOGUE_CHECKS) expect(isCheckId(check.meta.id), check.meta.id).toBe(true);
  });
});

/** Headings of the seed article (Learn communication-flow), as its current source has them
 * (MicrosoftDocs/msteams-docs msteams-platform/bots/communication-flow.md @ d02cf8b). */
const SEED_ANCHORS = ['architecture-and-data-flow', 'enhance-user-experience-with-bots', 'examples', 'bot-apps-communication-flow-faqs', 'next-steps', 'see-also'];

function allDocs(dir = DOCS): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allDocs(full) : full.endsWith('.mdx') ? [full] : [];
  });
}

describe('source links', () => {
  const docs = allDocs().map((file) => ({ file: path.relative(DOCS, file), text: readFileSync(file, 'utf8') }));

  it('deep-link the seed article only to headings it has', () => {
    const anchors = docs.flatMap((d) => [...d.text.matchAll(/learn\.microsoft\.com\/microsoftteams\/platform\/bots\/communication-flow#([a-z0-9-]+)/g)].map((m) => ({ file: d.file, anchor: m[1]! })));
    expect(anchors.length).toBeGreaterThan(20);
    for (const a of anchors) expect(SEED_ANCHORS, `${a.file}: #${a.anchor}`).toContain(a.anchor);
  });

  it('pin every GitHub file or folder link to a commit', () => {
    for (const d of docs) {
      for (const link of externalLinks(d.text).filter((u) => u.startsWith('https://github.com/'))) {
        if (/^https:\/\/github\.com\/[^/]+\/[^/]+\/(issues|pull)\/\d+/.test(link)) continue;
        expect(link, d.file).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/(blob|tree)\/[0-9a-f]{40}\//);
      }
    }
  });

  it('would catch an unpinned link and a missing seed heading', () => {
    expect('https://github.com/microsoft/botbuilder-js/blob/main/x.ts').not.toMatch(/\/(blob|tree)\/[0-9a-f]{40}\//);
    expect(SEED_ANCHORS).not.toContain('communication-flow-faqs');
  });
});

describe('the SDK landscape', () => {
  it.each(['architecture', 'authentication', 'hosting'])('docs/%s says the Bot Framework SDK is retired, with the date and its source', (section) => {
    const text = page(section);
    expect(text).toMatch(/December 31, 2025/);
    expect(text).toContain('https://github.com/microsoft/botframework-sdk/blob/0fd3e0d88d46d4459c30b6e7221c8537301393a5/README.md');
    expect(text).toMatch(/Microsoft 365 Agents SDK/);
    expect(text).toMatch(/Teams SDK/);
  });

  it('gives the authentication page the anchors the check pages link to', () => {
    const text = page('authentication');
    for (const anchor of ['sdk-settings', 'anonymous-mode', 'sdk-validation', 'sdks']) expect(text, anchor).toContain(`{/* #${anchor} */}`);
  });

  it('names each SDK\'s settings and anonymous switch in the settings table', () => {
    const text = page('authentication');
    const table = text.slice(text.indexOf('{/* #sdk-settings */}'), text.indexOf('### Which status codes'));
    for (const name of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType', 'ChannelService',
      'connections__serviceConnection__settings__clientId', 'NODE_ENV', 'CLIENT_ID', 'CLIENT_SECRET', 'TENANT_ID', 'CLOUD',
      'dangerouslyAllowUnauthenticatedRequests', 'DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS', 'skipAuth']) {
      expect(table, name).toContain(name);
    }
  });
});

describe('statements the sources do not support stay out', () => {
  const everything = Object.keys(SECTIONS).map((s) => page(s)).join('\n');

  it.each([
    [/only holds the (bot's )?registration/i, 'Azure Bot Service also keeps, where necessary, a record of currently active conversations (encryption page)'],
    [/Teams gives (a bot )?(up after )?15 s|within 15 s\b/i, 'the timeout is 10 to 15 seconds, depending on the channel'],
    [/must use GCC High settings/i, 'the source says the GCC High environment, and DoD has its own settings'],
    [/has enforced TLS 1\.2 since December 2018/i, 'the announcement is about connections into Bot Service'],
    [/A Microsoft engineer explains/i, 'the issue reply says less than the mechanism'],
    [/Teams only opens the sign-in page/i, 'no source says what Teams does without the validDomains entry'],
    [/region follows the tenant/i, 'Multi-Geo: users of one tenant can have different serviceUrls'],
    [/answer, transfer|hang up, transfer/i, 'the seed names hang up, redirect, join participants, access the audio stream'],
  ])('%s', (re, why) => {
    expect(everything, why).not.toMatch(re);
  });

  it('labels FAQ checks as "Verified by" or "Related check"', () => {
    for (const [q, body] of h3Sections(page('faq'))) {
      expect(body, q).toMatch(/^(Verified by|Related checks?): /m);
    }
  });
});
