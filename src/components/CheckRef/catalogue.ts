/**
 * The public check ids of the catalogue (DESIGN.md section 3), in catalogue order.
 * Pages name checks through <CheckRef id="..."/>; its `id` prop only accepts these ids, so a
 * typo fails the typecheck, and a test keeps this list and the engine's registry in step.
 */
export const CHECK_IDS = [
  // endpoint
  'endpoint-https',
  'endpoint-dns',
  'endpoint-reachable',
  'tls-protocol-version',
  'tls-certificate-trust',
  'tls-certificate-hostname',
  'tls-certificate-expiry',
  'auth-missing-token',
  'auth-forged-token',
  'endpoint-error-disclosure',
  'endpoint-latency',
  'endpoint-sdk',
  'calling-webhook',
  // manifest
  'manifest-package-layout',
  'manifest-json',
  'manifest-schema',
  'manifest-version',
  'manifest-bot-id',
  'manifest-bot-scopes',
  'manifest-valid-domains',
  'manifest-sso',
  'manifest-icons',
  'manifest-rsc-permissions',
  // registration
  'registration-app-type',
  'registration-tenant',
  'registration-endpoint',
  'registration-teams-channel',
  'registration-calling',
  'registration-public-access',
  'registration-manifest-match',
  'registration-region',
  // egress
  'egress-fqdn',
  'egress-tls-interception',
  'egress-openid-metadata',
  'egress-clock-skew',
  // residency
  'residency-service-url',
  // credentials
  'credentials-token',
  'credentials-secret-expiry',
  'credentials-sign-in-audience',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

/** The docs route of a check's page (same rule as `docsPath` in checks/core/define-check.ts). */
export function checkDocPath(id: CheckId): string {
  return `/docs/checks/${id}`;
}
