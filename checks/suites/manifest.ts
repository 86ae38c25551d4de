import { defineSuite } from '../core/suite';

/** The manifest suite: its checks in report order and the gatherers they need. */
export const manifestSuite = defineSuite({
  name: 'manifest',
  checks: [],
  gatherers: [],
  describeTarget: () => ({}),
});
