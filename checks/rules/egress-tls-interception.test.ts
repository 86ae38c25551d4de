import { describe, it } from 'vitest';
import { assertValidMeta, runCheckTable } from '../testing/check-tester';
import type { EgressHostProbe, EgressHostsEvidence } from '../gather/egress-hosts';
import check from './egress-tls-interception';

const MS_ISSUER = 'CN=Microsoft Azure RSA TLS Issuing CA 04, O=Microsoft Corporation, C=US';
const probe = (host: string, tls: Partial<NonNullable<EgressHostProbe['tls']>> = {}): EgressHostProbe => ({
  host, port: 443, required: true, features: ['messaging'], purpose: 'test', via: 'direct', ok: true, totalMs: 30,
  tls: {
    protocol: 'TLSv1.3', authorized: true, publicChain: true, leafSubject: `CN=${host}`, leafIssuer: MS_ISSUER,
    rootIssuer: 'CN=DigiCert Global Root G2, OU=www.digicert.com, O=DigiCert Inc, C=US', chain: [], ...tls,
  },
});
const PROXY = { leafIssuer: 'CN=Contoso TLS Inspection CA, O=Contoso', rootIssuer: 'CN=Contoso TLS Inspection CA, O=Contoso', publicChain: false };
const base: EgressHostsEvidence = {
  cloud: 'public', features: ['messaging'], proxy: { configured: false },
  probes: [probe('login.botframework.com'), probe('login.microsoftonline.com'), probe('smba.trafficmanager.net')], durationMs: 50,
};
const withProbes = (probes: EgressHostProbe[]): Record<string, unknown> => ({ EgressHosts: { ...base, probes } });

runCheckTable(check, {
  base: { EgressHosts: base },
  valid: [
    { name: 'public chains everywhere', messageId: 'publicChains', data: { count: 3, issuers: MS_ISSUER } },
    { name: 'nothing connected', evidence: withProbes(base.probes.map(({ tls: _tls, ...p }) => ({ ...p, ok: false }))), status: 'skip', messageId: 'noHandshake' },
  ],
  invalid: [
    { name: 'proxy CA not trusted', evidence: withProbes([probe('login.botframework.com', { ...PROXY, authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN' }), ...base.probes.slice(1)]), status: 'warn', messageId: 'intercepted', data: { issuer: 'CN=Contoso TLS Inspection CA, O=Contoso', hosts: 'login.botframework.com' } },
    { name: 'proxy CA trusted locally', evidence: withProbes(base.probes.map((p) => probe(p.host, PROXY))), status: 'warn', messageId: 'interceptedTrusted', data: { count: 3 } },
    { name: 'public chain that does not verify', evidence: withProbes([probe('smba.trafficmanager.net', { authorized: false, authorizationError: 'CERT_HAS_EXPIRED' })]), status: 'warn', messageId: 'notVerified', data: { error: 'CERT_HAS_EXPIRED' } },
  ],
});

describe('egress-tls-interception meta', () => {
  it('is well-formed', () => assertValidMeta(check));
});
