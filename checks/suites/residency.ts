import { defineSuite } from '../core/suite';

/** The residency suite: its checks in report order and the gatherers they need. */
export const residencySuite = defineSuite({
  name: 'residency',
  checks: [],
  gatherers: [],
  describeTarget: () => ({}),
});
