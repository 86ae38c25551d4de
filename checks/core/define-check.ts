import type { CheckInput, EvidenceId, EvidenceMap } from './evidence';
import type { Outcome, Severity, SourceLink, SuiteName } from './types';

export interface CheckMeta<E extends EvidenceId = EvidenceId, M extends string = string, O extends EvidenceId = never> {
  /** Kebab-case noun with an area prefix; equals the file name in checks/rules/. Public API. */
  id: string;
  suite: SuiteName;
  /** The passing state, e.g. "Endpoint uses HTTPS". */
  title: string;
  /** The failing state, e.g. "Endpoint does not use HTTPS". */
  failureTitle: string;
  /** Why it matters, in a sentence or two. */
  description: string;
  severity: Severity;
  requiredEvidence: readonly E[];
  /**
   * Evidence the rule reads when it could be gathered (to refine a verdict or its wording), but
   * can do without: an error gathering it leaves it undefined instead of making the check error.
   */
  optionalEvidence?: readonly O[];
  /** Message templates keyed by messageId; `{{name}}` placeholders are filled from `data`. */
  messages: Record<M, string>;
  /** How to fix it, keyed by messageId. Every messageId that can warn or fail needs one. */
  remediation?: Partial<Record<M, string>>;
  /** Public sources behind the verdict. */
  sources: readonly SourceLink[];
}

export interface RuleContext {
  /** The clock, passed in so rules stay pure and tests deterministic. */
  now: Date;
  input: Readonly<CheckInput>;
}

export type EvidenceOf<E extends EvidenceId> = { readonly [K in E]: EvidenceMap[K] };
export type OptionalEvidenceOf<O extends EvidenceId> = { readonly [K in O]?: EvidenceMap[K] };

export interface TypedOutcome<M extends string> extends Outcome {
  messageId: M;
}

export interface CheckDefinition<E extends EvidenceId = EvidenceId, M extends string = string, O extends EvidenceId = never> {
  meta: CheckMeta<E, M, O>;
  evaluate(evidence: EvidenceOf<E> & OptionalEvidenceOf<O>, ctx: RuleContext): TypedOutcome<M>;
}

/** The loose shape the registry and runner hold. */
export interface AnyCheck {
  meta: CheckMeta<EvidenceId, string, EvidenceId>;
  evaluate(evidence: Readonly<Record<string, unknown>>, ctx: RuleContext): Outcome;
}

/** Identity helper whose generics narrow `evaluate`'s evidence to what `meta` declares. */
export function defineCheck<const E extends EvidenceId, const M extends string, const O extends EvidenceId = never>(
  check: CheckDefinition<E, M, O>,
): AnyCheck & CheckDefinition<E, M, O> {
  return check as unknown as AnyCheck & CheckDefinition<E, M, O>;
}

export function docsPath(id: string): string {
  return `/docs/checks/${id}`;
}
