/** The SDK identification over the endpoint suite's probes (shared by the auth rules and endpoint-sdk). Pure. */
import type { AuthProbeEvidence } from '../gather/auth-probe';
import type { MalformedBodyEvidence } from '../gather/malformed-probe';
import { identifySdk, type SdkIdentity } from './sdk-identity';

export interface EndpointProbes {
  readonly AuthProbeMissingToken?: AuthProbeEvidence;
  readonly AuthProbeForgedToken?: AuthProbeEvidence;
  readonly MalformedBodyProbe?: MalformedBodyEvidence;
}

export function identifyFromEndpoint(e: EndpointProbes): SdkIdentity {
  return identifySdk([
    { evidence: e.AuthProbeMissingToken, label: 'missing-token' },
    { evidence: e.AuthProbeForgedToken, label: 'forged-token' },
    { evidence: e.MalformedBodyProbe, label: 'malformed-body' },
  ]);
}
