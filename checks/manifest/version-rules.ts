/**
 * Limits of the manifest that changed across schema versions, as published in the official
 * schemas (microsoft/json-schemas, teams/v1.x). A test re-derives this table from every bundled
 * schema, so it cannot drift from them.
 */
import { compareVersions } from './schemas';
import { GUID_PATTERN } from '../computed/identifiers';

export interface BotLimits {
  scopes: readonly string[];
  maxScopes: number;
  maxCommandLists: number;
  maxCommands: number;
  commandTitleMax: number;
  commandDescriptionMax: number;
  validDomainsMax: number;
}

/** True when `v` is at least `min` ('devPreview' counts as newest). */
export function atLeast(v: string, min: string): boolean {
  return compareVersions(v, min) >= 0;
}

export function botLimits(version: string): BotLimits {
  const scopes = atLeast(version, '1.21')
    ? ['team', 'personal', 'groupChat', 'copilot']
    : atLeast(version, '1.17')
      ? ['team', 'personal', 'groupChat']
      : atLeast(version, '1.3')
        ? ['team', 'personal', 'groupChat', 'groupchat']
        : ['team', 'personal'];
  return {
    scopes,
    maxScopes: atLeast(version, '1.21') ? 4 : atLeast(version, '1.3') ? 3 : 2,
    maxCommandLists: atLeast(version, '1.4') ? 3 : 2,
    maxCommands: atLeast(version, '1.24') ? 12 : 10,
    commandTitleMax: atLeast(version, '1.21') ? 128 : 32,
    commandDescriptionMax: atLeast(version, '1.21') ? 4000 : 128,
    validDomainsMax: atLeast(version, '1.28') ? 100 : 16,
  };
}

/** A manifest id: exactly a GUID (no braces, no surrounding spaces). */
export function isGuid(v: unknown): v is string {
  return typeof v === 'string' && GUID_PATTERN.test(v);
}

export function sameGuid(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
