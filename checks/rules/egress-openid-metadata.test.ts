import { describe, expect, it } from 'vitest';
import { assertValidMeta, runCheckTable } from '../testing/check-tester';
import type { EgressOpenIdEvidence, JwkSummary } from '../gather/egress-openid';
import check from './egress-openid-metadata';

const key = (kid: string, endorsements: string[] | null = ['msteams', 'skype']): JwkSummary => ({ kid, kty: 'RSA', rsa: true, endorsements });
const META = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const KEYS = 'https://login.botframework.com/v1/.well-known/keys';
const base: EgressOpenIdEvidence = {
  cloud: 'public',
  expected: { metadataUrl: META, issuer: 'https://api.botframework.com', jwksUrl: KEYS },
  metadata: { url: META, via: 'direct', ok: true, status: 200, json: true, issuer: 'https://api.botframework.com', jwksUri: KEYS, algorithms: ['RS256'] },
  jwks: { url: KEYS, via: 'direct', ok: true, status: 200, from: 'metadata', json: true, keys: [key('a'), key('b')] },
};
const jwks = (patch: Partial<NonNullable<EgressOpenIdEvidence['jwks']>>): Record<string, unknown> => ({ EgressOpenIdMetadata: { ...base, jwks: { ...base.jwks!, ...patch } } });

runCheckTable(check, {
  base: { EgressOpenIdMetadata: base },
  valid: [
    { name: 'metadata and endorsed keys', messageId: 'ok', data: { keyCount: 2, msteamsKeys: 2 } },
    { name: 'one of two keys endorsed', evidence: jwks({ keys: [key('a'), key('b', ['webchat'])] }), messageId: 'ok', data: { msteamsKeys: 1 } },
  ],
  invalid: [
    { name: 'metadata timeout', evidence: { EgressOpenIdMetadata: { ...base, jwks: undefined, metadata: { url: META, via: 'direct', ok: false, json: false, failedPhase: 'tls', error: { code: 'CHK_ERR_PROBE_TIMEOUT', message: 'TLS handshake for login.botframework.com:443 did not finish within 2500 ms.' } } } }, status: 'fail', messageId: 'metadataUnreachable' },
    { name: 'metadata 407 from proxy', evidence: { EgressOpenIdMetadata: { ...base, metadata: { ...base.metadata, ok: false, status: 407, json: false } } }, status: 'fail', messageId: 'metadataUnreachable' },
    { name: 'metadata is HTML', evidence: { EgressOpenIdMetadata: { ...base, metadata: { ...base.metadata, json: false, parseError: 'Unexpected token <', issuer: undefined, jwksUri: undefined } } }, status: 'fail', messageId: 'metadataMalformed' },
    { name: 'metadata without jwks_uri', evidence: { EgressOpenIdMetadata: { ...base, metadata: { ...base.metadata, jwksUri: undefined } } }, status: 'fail', messageId: 'metadataMalformed' },
    { name: 'jwks unreachable', evidence: jwks({ ok: false, status: 503 }), status: 'fail', messageId: 'jwksUnreachable' },
    { name: 'jwks not json', evidence: jwks({ json: false, parseError: 'bad', keys: [] }), status: 'fail', messageId: 'jwksMalformed' },
    { name: 'no RSA keys', evidence: jwks({ keys: [{ kid: 'x', kty: 'EC', rsa: false, endorsements: ['msteams'] }] }), status: 'fail', messageId: 'jwksMalformed' },
    { name: 'jwks_uri elsewhere', evidence: { EgressOpenIdMetadata: { ...base, metadata: { ...base.metadata, jwksUri: 'https://evil.example/keys' }, jwks: { ...base.jwks!, from: 'documented' } } }, status: 'warn', messageId: 'jwksUriUnexpected' },
    { name: 'other issuer', evidence: { EgressOpenIdMetadata: { ...base, metadata: { ...base.metadata, issuer: 'https://sts.example' } } }, status: 'warn', messageId: 'issuerUnexpected' },
    { name: 'no endorsements at all', evidence: jwks({ keys: [key('a', null), key('b', null)] }), status: 'warn', messageId: 'noMsteamsEndorsement' },
    { name: 'endorsed for other channels', evidence: jwks({ keys: [key('a', ['webchat'])] }), status: 'warn', messageId: 'noMsteamsEndorsement' },
  ],
});

describe('egress-openid-metadata messages', () => {
  it('explains a 407 from the proxy', () => {
    const out = check.evaluate({ EgressOpenIdMetadata: { ...base, metadata: { ...base.metadata, ok: false, status: 407, json: false } } }, { now: new Date(), input: {} });
    expect(out.data?.problem).toMatch(/proxy requires authentication/);
    const redirect = check.evaluate({ EgressOpenIdMetadata: { ...base, metadata: { ...base.metadata, ok: false, status: 302, location: 'http://portal.example/login', json: false } } }, { now: new Date(), input: {} });
    expect(redirect.data?.problem).toMatch(/redirect to http:\/\/portal\.example\/login/);
  });
});

describe('egress-openid-metadata meta', () => {
  it('is well-formed', () => assertValidMeta(check));
});
