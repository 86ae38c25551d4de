import { SOURCES } from '../data/sources';
import { defineCheck } from '../core/define-check';
import type { Detail, JsonObject } from '../core/types';
import type {} from '../gather/egress-clock'; // its EvidenceMap entry (types only: rules do no I/O)

/** Clock tolerance of JWT validation in the Bot Framework SDKs (seconds). */
export const JWT_CLOCK_TOLERANCE_S = 300;
/** Beyond this the clock is still accepted but clearly not synchronised (seconds). */
export const DRIFT_WARNING_S = 60;

export default defineCheck({
  meta: {
    id: 'egress-clock-skew',
    suite: 'egress',
    title: 'Local clock agrees with Microsoft servers',
    failureTitle: 'Local clock is off from Microsoft servers',
    description: 'Token validation compares the token times (nbf, exp) with the local clock, with 5 minutes of tolerance. Beyond that every incoming token is rejected as expired or not yet valid, and the bot answers 401 to Teams.',
    severity: 'error',
    requiredEvidence: ['EgressClock'],
    messages: {
      inSync: 'The local clock is within {{skewS}} s of {{server}} (tolerance {{toleranceS}} s).',
      drifting: 'The local clock is {{skewS}} s {{direction}} {{server}}: still within the {{toleranceS}} s tolerance of token validation, but not synchronised.',
      skewed: 'The local clock is {{skewS}} s {{direction}} {{server}}: beyond the {{toleranceS}} s tolerance, so token validation fails.',
      noSamples: 'No server Date header was received, so the clock could not be compared: {{reason}}',
    },
    remediation: {
      drifting: 'Enable time synchronisation (NTP, chrony, systemd-timesyncd, or the host or container platform time service).',
      skewed: 'Synchronise the clock now (NTP, chrony, systemd-timesyncd, w32time), then keep time synchronisation enabled.',
    },
    sources: [
      { title: 'Bot Connector authentication: 5-minute clock skew', url: SOURCES.connectorAuth.url },
      { title: 'botbuilder-js: token validation parameters (clockTolerance 300 s)', url: 'https://github.com/microsoft/botbuilder-js/blob/main/libraries/botframework-connector/src/auth/tokenValidationParameters.ts' },
      { title: 'RFC 9110: the Date header', url: 'https://www.rfc-editor.org/rfc/rfc9110#name-date' },
    ],
  },
  evaluate({ EgressClock: c }) {
    const measured = c.samples.flatMap((s) => {
      const server = Date.parse(s.serverDate);
      const local = Date.parse(s.localTime);
      if (!Number.isFinite(server) || !Number.isFinite(local)) return [];
      return [{ ...s, host: new URL(s.url).hostname, skewMs: local - server }];
    });
    const evidence: JsonObject = {
      samples: measured.map((s) => ({ url: s.url, serverDate: s.serverDate, localTime: s.localTime, skewSeconds: Math.round(s.skewMs / 1000) })),
      toleranceSeconds: JWT_CLOCK_TOLERANCE_S,
    };
    if (measured.length === 0) {
      return { status: 'skip', messageId: 'noSamples', data: { reason: c.reason ?? 'the Date headers could not be read.' }, evidence };
    }
    // The Date header has one-second resolution: take the smallest absolute skew as the estimate.
    const best = [...measured].sort((a, b) => Math.abs(a.skewMs) - Math.abs(b.skewMs))[0]!;
    const skewS = Math.round(Math.abs(best.skewMs) / 1000);
    const data = { skewS, direction: best.skewMs > 0 ? 'ahead of' : 'behind', server: best.host, toleranceS: JWT_CLOCK_TOLERANCE_S };
    const details: Detail[] = measured.map((s) => ({ path: s.url, message: `server Date ${s.serverDate}, local clock ${s.localTime} (${Math.round(s.skewMs / 1000)} s).` }));
    if (skewS > JWT_CLOCK_TOLERANCE_S) return { status: 'fail', messageId: 'skewed', data, evidence: { ...evidence, skewSeconds: Math.round(best.skewMs / 1000) }, details };
    if (skewS > DRIFT_WARNING_S) return { status: 'warn', messageId: 'drifting', data, evidence: { ...evidence, skewSeconds: Math.round(best.skewMs / 1000) }, details };
    return { status: 'pass', messageId: 'inSync', data, evidence: { ...evidence, skewSeconds: Math.round(best.skewMs / 1000) }, details };
  },
});
