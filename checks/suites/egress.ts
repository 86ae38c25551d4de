import { defineSuite } from '../core/suite';

/** The egress suite: its checks in report order and the gatherers they need. */
export const egressSuite = defineSuite({
  name: 'egress',
  checks: [],
  gatherers: [],
  describeTarget: () => ({}),
});
