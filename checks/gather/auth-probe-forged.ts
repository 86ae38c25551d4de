/**
 * Evidence `AuthProbeForgedToken`: the answer to a Teams message activity POSTed with a
 * plausible channel token (iss, aud, serviceurl right) signed by a key generated for this run.
 */
import { defineGatherer } from '../core/gatherer';
import { runAuthProbe, type AuthProbeEvidence } from './auth-probe';

declare module '../core/evidence' {
  interface EvidenceMap {
    AuthProbeForgedToken: AuthProbeEvidence;
  }
}

export const authProbeForgedTokenGatherer = defineGatherer({
  id: 'AuthProbeForgedToken',
  environments: ['node'],
  gather: (ctx) => runAuthProbe(ctx, 'forged-token'),
});
