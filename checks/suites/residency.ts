import { defineSuite } from '../core/suite';
import type { JsonObject } from '../core/types';
import { serviceUrlResidencyGatherer } from '../gather/residency-service-url';
import { redactServiceUrl } from '../residency/service-url';
import residencyServiceUrl from '../rules/residency-service-url';

/**
 * The residency suite: a pure function of the serviceUrl (no node: imports anywhere below), so
 * it runs in the browser widget as well as in the CLI and the API.
 */
export const residencySuite = defineSuite({
  name: 'residency',
  checks: [residencyServiceUrl],
  gatherers: [serviceUrlResidencyGatherer],
  describeTarget: (input): JsonObject => (typeof input.serviceUrl === 'string' ? { serviceUrl: redactServiceUrl(input.serviceUrl.trim().slice(0, 2048)) } : {}),
});
