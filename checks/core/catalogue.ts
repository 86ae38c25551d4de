/**
 * The check catalogue: every rule's meta, in registry order, as plain serialisable data.
 *
 * It is derived from the registry (checks/core/registry.ts), so the list of checks is kept in
 * one place: the suites. The docs read it at build time (docusaurus.config.ts puts
 * it into `customFields.checks`) to render one page per check and the catalogue table, so a page
 * can never state a title, severity, message or remediation the engine does not have.
 */
import type { AnyCheck } from './define-check';
import { docsPath } from './define-check';
import type { Severity, SourceLink, SuiteName } from './types';
import { allChecks } from './registry';

/** One check's meta as the docs show it (JSON-safe: no functions). */
export interface CatalogueEntry {
  id: string;
  suite: SuiteName;
  title: string;
  failureTitle: string;
  description: string;
  severity: Severity;
  requiredEvidence: string[];
  /** Evidence read when it could be gathered (the check still gives a verdict without it). */
  optionalEvidence: string[];
  /** Message templates by messageId (`{{name}}` placeholders left as they are). */
  messages: Record<string, string>;
  /** How to fix, by messageId. */
  remediation: Record<string, string>;
  sources: SourceLink[];
  /** `/docs/checks/<id>` */
  docsUrl: string;
}

/** Every registered check in catalogue order (DESIGN.md section 3: endpoint, manifest, registration, egress, residency). */
export const CATALOGUE_CHECKS: readonly AnyCheck[] = allChecks;

/** Serialisable meta of one check. Pure. */
export function toCatalogueEntry(check: AnyCheck): CatalogueEntry {
  const { meta } = check;
  const remediation: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta.remediation ?? {})) {
    if (typeof value === 'string') remediation[key] = value;
  }
  return {
    id: meta.id,
    suite: meta.suite,
    title: meta.title,
    failureTitle: meta.failureTitle,
    description: meta.description,
    severity: meta.severity,
    requiredEvidence: [...meta.requiredEvidence],
    optionalEvidence: [...(meta.optionalEvidence ?? [])],
    messages: { ...meta.messages },
    remediation,
    sources: meta.sources.map((s) => ({ title: s.title, url: s.url })),
    docsUrl: docsPath(meta.id),
  };
}

/** Every check's meta in catalogue order. */
export const checkCatalogue: readonly CatalogueEntry[] = CATALOGUE_CHECKS.map(toCatalogueEntry);
