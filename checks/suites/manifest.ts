import { defineSuite } from '../core/suite';
import { manifestGatherer } from '../gather/manifest';

/** The manifest suite: its checks in report order and the gatherers they need. */
export const manifestSuite = defineSuite({
  name: 'manifest',
  checks: [],
  gatherers: [manifestGatherer],
  describeTarget: (input) => ({
    ...(input.manifestName !== undefined ? { manifest: input.manifestName } : {}),
    kind: input.manifestBytes !== undefined ? (input.manifestBytes[0] === 0x50 && input.manifestBytes[1] === 0x4b ? 'zip' : 'json') : input.manifestText !== undefined ? 'json' : 'none',
    ...(input.appId !== undefined ? { appId: input.appId } : {}),
  }),
});
