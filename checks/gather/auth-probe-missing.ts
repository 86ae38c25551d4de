/** Evidence `AuthProbeMissingToken`: the answer to a Teams message activity POSTed with no Authorization header. */
import { defineGatherer } from '../core/gatherer';
import { runAuthProbe, type AuthProbeEvidence } from './auth-probe';

declare module '../core/evidence' {
  interface EvidenceMap {
    AuthProbeMissingToken: AuthProbeEvidence;
  }
}

export const authProbeMissingTokenGatherer = defineGatherer({
  id: 'AuthProbeMissingToken',
  environments: ['node'],
  gather: (ctx) => runAuthProbe(ctx, 'missing-token'),
});
