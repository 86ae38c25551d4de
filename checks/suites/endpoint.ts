import { defineSuite } from '../core/suite';

/** The endpoint suite: its checks in report order and the gatherers they need. */
export const endpointSuite = defineSuite({
  name: 'endpoint',
  checks: [],
  gatherers: [],
  describeTarget: () => ({}),
});
