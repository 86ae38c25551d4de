import type { CheckInput, EvidenceId, EvidenceMap } from './evidence';
import type { JsonObject, MessageData, Outcome, Severity, SourceLink, SuiteName } from './types';

/** What a guard puts in the skip result when its evidence says the check does not apply. */
export interface GuardSkip {
  data?: MessageData;
  evidence?: JsonObject;
}

/**
 * An opening guard a check declares instead of writing it (as Lighthouse audits declare the
 * artifacts they need): when `applies` is false for the evidence, the runner returns a `skip`
 * result with `messageId` and the data `skipped` gives, and never calls `evaluate`. The rule
 * then sees the evidence narrowed to `P`. `defineCheck` adds `message` to the check's messages.
 */
export interface CheckGuard<K extends EvidenceId = EvidenceId, P extends EvidenceMap[K] = EvidenceMap[K]> {
  evidence: K;
  messageId: string;
  /** The skip message template (`{{name}}` filled from the data `skipped` returns). */
  message: string;
  applies(value: EvidenceMap[K]): value is P;
  skipped(value: EvidenceMap[K]): GuardSkip;
}

/** The loose shape of a guard, as the runner and the check's meta hold it. */
export interface AnyGuard {
  evidence: EvidenceId;
  messageId: string;
  message: string;
  applies(value: never): boolean;
  skipped(value: never): GuardSkip;
}

/** The evidence type a guard lets through, or never when no guard of `G` reads `K`. */
type PassOf<G, K> = G extends readonly (infer U)[] ? (U extends CheckGuard<infer GK, infer P> ? (GK extends K ? P : never) : never) : never;
/** Evidence as a guarded rule sees it: each guarded item narrowed to what its guard let through. */
export type GuardedEvidence<Ev, G> = { readonly [K in keyof Ev]: [PassOf<G, K>] extends [never] ? Ev[K] : PassOf<G, K> };

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
  /** Opening guards the runner applies, in order, before `evaluate` (see CheckGuard). */
  guards?: readonly AnyGuard[];
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

export interface CheckDefinition<
  E extends EvidenceId = EvidenceId, M extends string = string, O extends EvidenceId = never, G extends readonly AnyGuard[] = readonly [],
> {
  meta: CheckMeta<E, M, O> & { guards?: G };
  evaluate(evidence: GuardedEvidence<EvidenceOf<E>, G> & OptionalEvidenceOf<O>, ctx: RuleContext): TypedOutcome<M>;
}

/** The loose shape the registry and runner hold. */
export interface AnyCheck {
  meta: CheckMeta<EvidenceId, string, EvidenceId>;
  evaluate(evidence: Readonly<Record<string, unknown>>, ctx: RuleContext): Outcome;
}

/**
 * Narrows `evaluate`'s evidence to what `meta` declares (and its guards let through), and adds
 * each guard's message to `meta.messages`, so the catalogue and the docs list it.
 */
export function defineCheck<
  const E extends EvidenceId, const M extends string, const O extends EvidenceId = never, const G extends readonly AnyGuard[] = readonly [],
>(
  check: CheckDefinition<E, M, O, G>,
): AnyCheck & CheckDefinition<E, M, O, G> {
  const guards = check.meta.guards ?? [];
  if (guards.length === 0) return check as unknown as AnyCheck & CheckDefinition<E, M, O, G>;
  const messages: Record<string, string> = { ...check.meta.messages };
  for (const guard of guards) messages[guard.messageId] = guard.message;
  return { ...check, meta: { ...check.meta, messages } } as unknown as AnyCheck & CheckDefinition<E, M, O, G>;
}

export function docsPath(id: string): string {
  return `/docs/checks/${id}`;
}
