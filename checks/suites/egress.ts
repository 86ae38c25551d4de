import { defineSuite, type SuiteDefinition } from '../core/suite';
import type { JsonObject } from '../core/types';
import { egressPlan, type EgressNetwork } from '../gather/egress-config';
import { egressHostsGatherer } from '../gather/egress-hosts';
import { egressOpenIdGatherer } from '../gather/egress-openid';
import { egressClockGatherer } from '../gather/egress-clock';
import egressFqdn from '../rules/egress-fqdn';
import egressTlsInterception from '../rules/egress-tls-interception';
import egressOpenIdMetadata from '../rules/egress-openid-metadata';
import egressClockSkew from '../rules/egress-clock-skew';

/**
 * The egress suite with its network injected (tests map Microsoft host names to local servers).
 * Runs where the bot runs: CLI only.
 */
export function createEgressSuite(network: EgressNetwork = {}): SuiteDefinition {
  return defineSuite({
    name: 'egress',
    checks: [egressFqdn, egressTlsInterception, egressOpenIdMetadata, egressClockSkew],
    gatherers: [egressHostsGatherer(network), egressOpenIdGatherer(network), egressClockGatherer()],
    describeTarget: (input): JsonObject => {
      try {
        const plan = egressPlan(input.egress);
        return {
          cloud: plan.cloud,
          features: plan.features,
          ...(plan.region ? { region: plan.region } : {}),
          proxy: plan.proxy.configured ? (plan.proxy.proxy ?? 'configured') : 'none',
          ...(plan.proxy.noProxy ? { noProxy: plan.proxy.noProxy } : {}),
          hosts: plan.entries.length,
        };
      } catch {
        return {};
      }
    },
  });
}

/** The egress suite on the real network. */
export const egressSuite = createEgressSuite();
