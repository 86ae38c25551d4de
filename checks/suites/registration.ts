import { defineSuite } from '../core/suite';

/** The registration suite: its checks in report order and the gatherers they need. */
export const registrationSuite = defineSuite({
  name: 'registration',
  checks: [],
  gatherers: [],
  describeTarget: () => ({}),
});
