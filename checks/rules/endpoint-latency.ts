import { defineCheck } from '../core/define-check';
import { SOURCES } from '../computed/endpoint-sources';
import { json, msg } from '../computed/json';
import { notProbedText } from '../computed/not-probed';
import type {} from '../gather/auth-probe-missing'; // its EvidenceMap entry (types only: rules do no I/O)

/** Above this, a mere rejection is slow enough to worry about (ms). */
export const LATENCY_WARN_MS = 5_000;
/** The channel's wait for a bot's answer, as stated in Bot Framework GitHub issues (ms). */
export const CHANNEL_TIMEOUT_MS = 15_000;

export default defineCheck({
  meta: {
    id: 'endpoint-latency',
    suite: 'endpoint',
    title: 'Endpoint answers quickly',
    failureTitle: 'Endpoint answers slowly',
    description: 'The Bot Connector waits 15 seconds for a bot to answer an activity and then gives up (stated by Bot Framework team members in GitHub issues; not configurable). The probe times how long the endpoint takes to reject an unauthenticated request, which involves no bot logic at all.',
    severity: 'warning',
    requiredEvidence: ['AuthProbeMissingToken'],
    messages: {
      fast: 'The endpoint answered in {{ms}} ms (connect {{connectMs}} ms, TLS {{tlsMs}} ms, waiting {{firstByteMs}} ms).',
      slow: 'The endpoint took {{ms}} ms just to answer an unauthenticated request (waiting {{firstByteMs}} ms); more than {{threshold}} ms leaves little of the 15 s the channel waits for real work.',
      tooSlow: 'The endpoint took {{ms}} ms to answer, at or beyond the 15 s the channel waits for a bot.',
      noAnswer: 'Not measured: no answer was received ({{message}}); see endpoint-reachable.',
      notProbed: 'Not checked: {{reason}}.',
    },
    remediation: {
      slow: 'Find what delays the request before authentication: cold starts (App Service: turn on Always On; Functions: a Premium plan or pre-warmed instances), a slow gateway, or middleware that runs before the adapter. Answer activities quickly and do long work in the background, sending the result as a proactive message.',
      tooSlow: 'Keep the bot warm (Always On) and make it answer within a few seconds; move long-running work to a background job that replies proactively.',
    },
    sources: [SOURCES.timeout15s, SOURCES.timeout15s2],
  },
  evaluate({ AuthProbeMissingToken: p }) {
    if (!p.probed) return { status: 'skip', messageId: 'notProbed', data: msg({ reason: notProbedText(p.reason) }), evidence: json({ reason: p.reason }) };
    if (!p.ok) {
      const f = p.failure;
      if (f.phase === 'firstByte' && f.code === 'CHK_ERR_PROBE_TIMEOUT' && (f.timeoutMs ?? 0) >= CHANNEL_TIMEOUT_MS) {
        return { status: 'fail', messageId: 'tooSlow', data: msg({ ms: f.timeoutMs ?? CHANNEL_TIMEOUT_MS }), evidence: json({ failure: f }) };
      }
      return { status: 'skip', messageId: 'noAnswer', data: msg({ message: f.message }), evidence: json({ failure: f }) };
    }
    const t = p.timings;
    // Time to the answer, without the DNS lookup the Bot Connector has usually cached.
    const ms = t.connectMs + (t.tlsMs ?? 0) + t.firstByteMs;
    const data = msg({ ms, connectMs: t.connectMs, tlsMs: t.tlsMs ?? 0, firstByteMs: t.firstByteMs, threshold: LATENCY_WARN_MS });
    const evidence = json({ responseMs: ms, timings: t, status: p.status, warnAboveMs: LATENCY_WARN_MS, channelTimeoutMs: CHANNEL_TIMEOUT_MS });
    if (ms >= CHANNEL_TIMEOUT_MS) return { status: 'fail', messageId: 'tooSlow', data, evidence };
    if (ms > LATENCY_WARN_MS) return { status: 'warn', messageId: 'slow', data, evidence };
    return { status: 'pass', messageId: 'fast', data, evidence };
  },
});
