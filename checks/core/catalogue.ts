/**
 * The check catalogue: every rule's meta, in registry order, as plain serialisable data.
 *
 * It imports the rule modules from checks/rules/ directly (not the suites), so it carries no
 * gatherer configuration of its own. The docs read it at build time (docusaurus.config.ts puts
 * it into `customFields.checks`) to render one page per check and the catalogue table, so a page
 * can never state a title, severity, message or remediation the engine does not have. A test
 * keeps its ids equal to `allChecks` of checks/core/registry.ts, in order.
 */
import type { AnyCheck } from './define-check';
import { docsPath } from './define-check';
import type { Severity, SourceLink, SuiteName } from './types';
// endpoint
import endpointHttps from '../rules/endpoint-https';
import endpointDns from '../rules/endpoint-dns';
import endpointReachable from '../rules/endpoint-reachable';
import tlsProtocolVersion from '../rules/tls-protocol-version';
import tlsCertificateTrust from '../rules/tls-certificate-trust';
import tlsCertificateHostname from '../rules/tls-certificate-hostname';
import tlsCertificateExpiry from '../rules/tls-certificate-expiry';
import authMissingToken from '../rules/auth-missing-token';
import authForgedToken from '../rules/auth-forged-token';
import endpointErrorDisclosure from '../rules/endpoint-error-disclosure';
import endpointLatency from '../rules/endpoint-latency';
import callingWebhook from '../rules/calling-webhook';
// registration
import registrationAppType from '../rules/registration-app-type';
import registrationTenant from '../rules/registration-tenant';
import registrationEndpoint from '../rules/registration-endpoint';
import registrationTeamsChannel from '../rules/registration-teams-channel';
import registrationCalling from '../rules/registration-calling';
import registrationPublicAccess from '../rules/registration-public-access';
import registrationManifestMatch from '../rules/registration-manifest-match';
import registrationRegion from '../rules/registration-region';
// manifest
import manifestPackageLayout from '../rules/manifest-package-layout';
import manifestJson from '../rules/manifest-json';
import manifestSchema from '../rules/manifest-schema';
import manifestVersion from '../rules/manifest-version';
import manifestBotId from '../rules/manifest-bot-id';
import manifestBotScopes from '../rules/manifest-bot-scopes';
import manifestValidDomains from '../rules/manifest-valid-domains';
import manifestSso from '../rules/manifest-sso';
import manifestIcons from '../rules/manifest-icons';
import manifestRscPermissions from '../rules/manifest-rsc-permissions';
// egress
import egressFqdn from '../rules/egress-fqdn';
import egressTlsInterception from '../rules/egress-tls-interception';
import egressOpenIdMetadata from '../rules/egress-openid-metadata';
import egressClockSkew from '../rules/egress-clock-skew';
// residency
import residencyServiceUrl from '../rules/residency-service-url';

/** One check's meta as the docs show it (JSON-safe: no functions). */
export interface CatalogueEntry {
  id: string;
  suite: SuiteName;
  title: string;
  failureTitle: string;
  description: string;
  severity: Severity;
  requiredEvidence: string[];
  /** Message templates by messageId (`{{name}}` placeholders left as they are). */
  messages: Record<string, string>;
  /** How to fix, by messageId. */
  remediation: Record<string, string>;
  sources: SourceLink[];
  /** `/docs/checks/<id>` */
  docsUrl: string;
}

/** The rule modules in catalogue order (DESIGN.md section 3: endpoint, manifest, registration, egress, residency). */
export const CATALOGUE_CHECKS: readonly AnyCheck[] = [
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
  callingWebhook,
  manifestPackageLayout,
  manifestJson,
  manifestSchema,
  manifestVersion,
  manifestBotId,
  manifestBotScopes,
  manifestValidDomains,
  manifestSso,
  manifestIcons,
  manifestRscPermissions,
  registrationAppType,
  registrationTenant,
  registrationEndpoint,
  registrationTeamsChannel,
  registrationCalling,
  registrationPublicAccess,
  registrationManifestMatch,
  registrationRegion,
  egressFqdn,
  egressTlsInterception,
  egressOpenIdMetadata,
  egressClockSkew,
  residencyServiceUrl,
];

/** Serialisable meta of one check. Pure. */
export function toCatalogueEntry(check: AnyCheck): CatalogueEntry {
  const { meta } = check;
  const remediation: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta.remediation ?? {})) {
    if (typeof value === 'string') remediation[key] = value;
  }
  return {
    id: meta.id,
    suite: meta.suite,
    title: meta.title,
    failureTitle: meta.failureTitle,
    description: meta.description,
    severity: meta.severity,
    requiredEvidence: [...meta.requiredEvidence],
    messages: { ...meta.messages },
    remediation,
    sources: meta.sources.map((s) => ({ title: s.title, url: s.url })),
    docsUrl: docsPath(meta.id),
  };
}

/** Every check's meta in catalogue order. */
export const checkCatalogue: readonly CatalogueEntry[] = CATALOGUE_CHECKS.map(toCatalogueEntry);
