/**
 * The trust chain: the endpoint, manifest and registration suites run as one, on one shared
 * input, into one Report (suite "all") with one exit code. The links between the layers are
 * judged by the registration checks that read the other layers' input or evidence
 * (registration-endpoint: the endpoint under test; registration-manifest-match and
 * registration-calling: the manifest; registration-tenant: the app type), and by the manifest
 * and endpoint checks that read the shared `appId`. A check whose other layer is missing skips
 * and says why. Node only (the endpoint suite probes the network).
 */
import type { AnyCheck } from '../core/define-check';
import type { CheckInput } from '../core/evidence';
import type { AnyGatherer } from '../core/gatherer';
import type { RunnableSuite } from '../core/runner';
import type { SuiteDefinition } from '../core/suite';
import type { JsonObject } from '../core/types';
import { endpointSuite } from './endpoint';
import { manifestSuite } from './manifest';
import { registrationSuite } from './registration';

export type Layer = 'endpoint' | 'manifest' | 'registration';
export const LAYERS: readonly Layer[] = ['endpoint', 'manifest', 'registration'];

const SUITES: Record<Layer, SuiteDefinition> = {
  endpoint: endpointSuite,
  manifest: manifestSuite,
  registration: registrationSuite,
};

function layerLabel(target: JsonObject): string | undefined {
  for (const key of ['url', 'file', 'bot']) {
    const v = target[key];
    if (typeof v === 'string' && v) return v;
  }
  const azure = target.azure;
  if (azure && typeof azure === 'object' && !Array.isArray(azure) && typeof azure.name === 'string') return `${azure.name} (Azure)`;
  return typeof target.manifest === 'string' && target.manifest ? target.manifest : undefined;
}

/** Joins suites: checks in layer order, gatherers de-duplicated by evidence id (first wins). */
export function composeSuites(parts: ReadonlyArray<{ layer: Layer; suite: Pick<SuiteDefinition, 'checks' | 'gatherers' | 'describeTarget'> }>): RunnableSuite {
  const checks: AnyCheck[] = [];
  const seenChecks = new Set<string>();
  const gatherers: AnyGatherer[] = [];
  const seenGatherers = new Set<string>();
  for (const { suite } of parts) {
    for (const check of suite.checks) {
      if (seenChecks.has(check.meta.id)) continue;
      seenChecks.add(check.meta.id);
      checks.push(check);
    }
    for (const gatherer of suite.gatherers) {
      if (seenGatherers.has(gatherer.id)) continue;
      seenGatherers.add(gatherer.id);
      gatherers.push(gatherer);
    }
  }
  return {
    name: 'all',
    checks,
    gatherers,
    describeTarget(input: Readonly<CheckInput>): JsonObject {
      const target: JsonObject = {};
      const labels: string[] = [];
      for (const { layer, suite } of parts) {
        const described = suite.describeTarget(input);
        target[layer] = described;
        const label = layerLabel(described);
        if (label && !labels.includes(label)) labels.push(label);
      }
      // One line for reporters' headers: what each layer looked at.
      if (labels.length) target.name = labels.join(' + ');
      return target;
    },
  };
}

/** The trust-chain suite for the layers that were given (all three by default). */
export function allSuiteFor(layers: readonly Layer[] = LAYERS): RunnableSuite {
  return composeSuites(LAYERS.filter((l) => layers.includes(l)).map((layer) => ({ layer, suite: SUITES[layer] })));
}

export const allSuite: RunnableSuite = allSuiteFor();
