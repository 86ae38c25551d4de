/**
 * Evidence `ServiceUrlResidency`: the pure analysis of the serviceUrl in the input. No I/O, so
 * it runs in the browser as well as in Node.
 */
import { defineGatherer } from '../core/gatherer';
import { InvalidInputError } from '../core/errors';
import { analyzeServiceUrl, type ServiceUrlAnalysis } from '../residency/service-url';

declare module '../core/evidence' {
  interface EvidenceMap {
    ServiceUrlResidency: ServiceUrlAnalysis;
  }
  interface CheckInput {
    /** A `serviceUrl` from an incoming activity (residency suite). */
    serviceUrl?: string;
  }
}

export const serviceUrlResidencyGatherer = defineGatherer({
  id: 'ServiceUrlResidency',
  environments: ['node', 'browser'],
  async gather(ctx) {
    const value = ctx.input.serviceUrl;
    if (typeof value !== 'string') {
      throw new InvalidInputError('The residency check needs a serviceUrl (the serviceUrl field of an incoming activity).', { field: 'serviceUrl' });
    }
    return analyzeServiceUrl(value);
  },
});
