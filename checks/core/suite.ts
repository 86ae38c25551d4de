import type { AnyCheck } from './define-check';
import type { AnyGatherer } from './gatherer';
import type { CheckInput } from './evidence';
import type { JsonObject, SuiteName } from './types';

export interface SuiteDefinition {
  name: SuiteName;
  /** Ordered: the report lists results in this order. */
  checks: readonly AnyCheck[];
  gatherers: readonly AnyGatherer[];
  /** What the report's `target` shows for an input: secrets removed. */
  describeTarget(input: Readonly<CheckInput>): JsonObject;
}

export function defineSuite(suite: SuiteDefinition): SuiteDefinition {
  return suite;
}
