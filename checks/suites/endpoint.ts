import { defineSuite } from '../core/suite';
import { authProbeForgedTokenGatherer } from '../gather/auth-probe-forged';
import { authProbeMissingTokenGatherer } from '../gather/auth-probe-missing';
import { callingWebhookGatherer } from '../gather/calling-webhook';
import { dnsResolutionGatherer } from '../gather/dns-resolution';
import { endpointUrlGatherer } from '../gather/endpoint-url';
import { malformedBodyProbeGatherer } from '../gather/malformed-probe';
import { tlsHandshakeGatherer } from '../gather/tls-handshake';
import { tlsVersionsGatherer } from '../gather/tls-versions';
import authForgedToken from '../rules/auth-forged-token';
import authMissingToken from '../rules/auth-missing-token';
import callingWebhook from '../rules/calling-webhook';
import endpointDns from '../rules/endpoint-dns';
import endpointErrorDisclosure from '../rules/endpoint-error-disclosure';
import endpointHttps from '../rules/endpoint-https';
import endpointLatency from '../rules/endpoint-latency';
import endpointReachable from '../rules/endpoint-reachable';
import endpointSdk from '../rules/endpoint-sdk';
import tlsCertificateExpiry from '../rules/tls-certificate-expiry';
import tlsCertificateHostname from '../rules/tls-certificate-hostname';
import tlsCertificateTrust from '../rules/tls-certificate-trust';
import tlsProtocolVersion from '../rules/tls-protocol-version';

/** Removes what must never be reported from a URL (credentials); keeps the rest as given. */
function safeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const u = new URL(value);
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return value.replace(/\/\/[^/@]*@/, '//');
  }
}

/** The endpoint suite: its checks in report order and the gatherers they need. */
export const endpointSuite = defineSuite({
  name: 'endpoint',
  checks: [
    endpointHttps,
    endpointDns,
    endpointReachable,
    tlsProtocolVersion,
    tlsCertificateTrust,
    tlsCertificateHostname,
    tlsCertificateExpiry,
    authMissingToken,
    authForgedToken,
    endpointErrorDisclosure,
    endpointLatency,
    endpointSdk,
    callingWebhook,
  ],
  gatherers: [
    endpointUrlGatherer,
    dnsResolutionGatherer,
    tlsHandshakeGatherer,
    tlsVersionsGatherer,
    authProbeMissingTokenGatherer,
    authProbeForgedTokenGatherer,
    malformedBodyProbeGatherer,
    callingWebhookGatherer,
  ],
  describeTarget: (input) => {
    const url = safeUrl(input.url);
    const callingWebhook = safeUrl(input.callingWebhook);
    return {
      ...(url !== undefined ? { url } : {}),
      ...(input.appId ? { appId: input.appId } : {}),
      ...(callingWebhook !== undefined ? { callingWebhook } : {}),
    };
  },
});
