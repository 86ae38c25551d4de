/**
 * Helpers for the check pages and the catalogue table. Pure: they work on the catalogue data
 * (checks/core/catalogue.ts) that docusaurus.config.ts passes to the site in `customFields.checks`.
 */
import type { CatalogueEntry } from '../../checks/core/catalogue';
import type { SuiteName } from '../../checks/core/types';

export type { CatalogueEntry };

/** The catalogue from `customFields.checks`, or an error that says what is missing. */
export function catalogueFromCustomFields(customFields: Record<string, unknown> | undefined): readonly CatalogueEntry[] {
  const value = customFields?.checks;
  if (!Array.isArray(value)) {
    throw new Error('customFields.checks is missing: docusaurus.config.ts must set it from checks/core/catalogue.ts.');
  }
  return value as CatalogueEntry[];
}

/** The entry of one check; throws (failing the build) when a page names an id the engine lacks. */
export function findCheck(entries: readonly CatalogueEntry[], id: string): CatalogueEntry {
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`No check "${id}" in the catalogue (checks/core/catalogue.ts). Fix the id or remove the page.`);
  return entry;
}

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string };

/** Splits a message template into text and `{{name}}` placeholders, so a page can mark the variable parts. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const re = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: template.slice(last, at) });
    parts.push({ kind: 'placeholder', name: m[1] as string });
    last = at + m[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}

export const SUITE_LABEL: Readonly<Record<SuiteName, string>> = {
  endpoint: 'Endpoint',
  manifest: 'Manifest',
  registration: 'Registration',
  egress: 'Egress',
  residency: 'Residency',
  credentials: 'Credentials',
};

/** The CLI form that runs a suite (DESIGN.md section 5). */
export const SUITE_COMMAND: Readonly<Record<SuiteName, string>> = {
  endpoint: 'botflow endpoint <url> [--app-id <guid>]',
  manifest: 'botflow manifest <manifest.json|app.zip> [--app-id <guid>]',
  registration: 'botflow registration <bot.json> [--channel <teams-channel.json>] [--manifest <file>]',
  egress: 'botflow egress [--cloud public|gcc|gcch|dod] [--calling] [--sso]',
  residency: 'botflow residency <serviceUrl>',
  credentials: 'botflow token --bot <bot.json> [--graph]',
};

/** The self-check page that runs a suite in the site, if any (egress runs only on the bot's host). */
export const SUITE_SELF_CHECK: Readonly<Record<SuiteName, string | undefined>> = {
  endpoint: '/docs/self-checks/endpoint',
  manifest: '/docs/self-checks/manifest',
  registration: '/docs/self-checks/registration',
  egress: undefined,
  residency: '/docs/self-checks/residency',
  credentials: undefined,
};

/** Message ids whose remediation is known, in the order of `messages`. */
export function remediationRows(entry: CatalogueEntry): Array<{ messageId: string; message: string; remediation: string }> {
  return Object.keys(entry.messages)
    .filter((id) => typeof entry.remediation[id] === 'string')
    .map((id) => ({ messageId: id, message: entry.messages[id] as string, remediation: entry.remediation[id] as string }));
}
