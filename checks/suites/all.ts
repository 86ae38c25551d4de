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
import type { Prepared, PrepareContext, RunnableSuite } from '../core/runner';
import { inputString } from '../computed/identifiers';
import type { AzureRegistrationEvidence } from '../computed/registration-model';
import { azureRegistrationGatherer, withGatherer } from '../gather/registration-arm';
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

export interface TrustChainOptions {
  /** False: the endpoint is compared with the registration but not probed (`--no-probe`). */
  probe?: boolean;
}

/**
 * Fills what the user did not give from the registration (read once, by its gatherer): the app
 * id from msaAppId, the endpoint under test from the registered endpoint, the calling webhook
 * from the Teams channel; each with a note. A registration that could not be read fills nothing
 * (its checks error). With no endpoint at all, the endpoint checks are left out.
 */
async function fromRegistration(input: Readonly<CheckInput>, ctx: PrepareContext, layers: readonly Layer[], probe: boolean): Promise<Prepared> {
  const out: CheckInput = { ...input };
  const notes: string[] = [];
  let reg: AzureRegistrationEvidence | undefined;
  try {
    reg = await ctx.get('AzureRegistration');
  } catch {
    reg = undefined;
  }
  const appId = inputString(input, 'appId');
  if (reg?.msaAppId) {
    if (!appId) {
      out.appId = reg.msaAppId;
      notes.push(`App id taken from the registration's msaAppId (${reg.msaAppId}).`);
    } else if (appId.toLowerCase() !== reg.msaAppId.toLowerCase()) {
      notes.push(`--app-id ${appId} is not the registration's msaAppId ${reg.msaAppId}; the endpoint and manifest checks use ${appId}.`);
    }
  }
  if (!inputString(input, 'url') && reg?.endpoint) {
    out.url = reg.endpoint;
    notes.push(`Endpoint under test taken from the registration (${reg.endpoint}).`);
    if (!probe) notes.push(NO_PROBE_NOTE);
  }
  const webhook = reg?.teams.enableCalling ? reg.teams.callingWebhook : undefined;
  if (!inputString(input, 'callingWebhook') && webhook) {
    out.callingWebhook = webhook;
    notes.push(`Calling webhook under test taken from the Teams channel (${webhook}).`);
  }
  if (!inputString(out, 'url')) {
    notes.push(NO_ENDPOINT_NOTE);
    if (layers.includes('endpoint')) return { input: out, notes, skipChecks: endpointSuite.checks.map((c) => c.meta.id) };
  }
  return { input: out, notes };
}

export const NO_PROBE_NOTE = '--no-probe: the endpoint was not probed; registration-endpoint still compares it with the registration.';
export const NO_ENDPOINT_NOTE = 'No endpoint was given or registered: the endpoint checks were not run.';

/**
 * The trust-chain suite for the layers that were given (all three by default). With the
 * registration layer, AzureRegistration comes from the documents or live from ARM (one
 * gatherer), and fills the endpoint, app id and webhook the user left out before the checks run.
 */
export function allSuiteFor(layers: readonly Layer[] = LAYERS, options: TrustChainOptions = {}): RunnableSuite {
  const suite = composeSuites(LAYERS.filter((l) => layers.includes(l)).map((layer) => ({ layer, suite: SUITES[layer] })));
  if (!layers.includes('registration')) return suite;
  const probe = options.probe ?? true;
  return {
    ...withGatherer(suite, azureRegistrationGatherer),
    prepare: (input, ctx) => fromRegistration(input, ctx, layers, probe),
  };
}

export const allSuite: RunnableSuite = allSuiteFor();
