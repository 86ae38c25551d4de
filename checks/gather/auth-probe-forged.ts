/**
 * Evidence `AuthProbeForgedToken`: the answer to a Teams message activity POSTed with a
 * plausible channel token (iss, aud, serviceurl right) signed by a key generated for this run.
 */
import { defineGatherer } from '../core/gatherer';
import { runAuthProbe, TOKEN_PATH_WAIT_MS, type AuthProbeEvidence } from './auth-probe';

declare module '../core/evidence' {
  interface EvidenceMap {
    AuthProbeForgedToken: AuthProbeEvidence;
  }
}

export const authProbeForgedTokenGatherer = defineGatherer({
  id: 'AuthProbeForgedToken',
  environments: ['node'],
  // The token-bearing probe waits up to the channel's window for its answer, plus the connection.
  timeoutMs: TOKEN_PATH_WAIT_MS + 10_000,
  gather: (ctx) => runAuthProbe(ctx, 'forged-token'),
});
