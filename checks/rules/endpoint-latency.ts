import { defineCheck } from '../core/define-check';
import type { JsonObject } from '../core/types';
import { CHANNEL_WINDOW_MS } from '../computed/channel-window';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { notProbedGuard } from '../computed/guards';
import type { AuthProbeEvidence } from '../gather/auth-probe';
import type {} from '../gather/auth-probe-missing'; // its EvidenceMap entry (types only: rules do no I/O)
import type {} from '../gather/auth-probe-forged';

/** Above this, a mere rejection is slow enough to worry about (ms). */
export const LATENCY_WARN_MS = 5_000;
/** The channel's wait for a bot's answer (ms); see channel-window.ts. */
export const CHANNEL_TIMEOUT_MS = CHANNEL_WINDOW_MS;

type Timed = { ms: number; connectMs: number; tlsMs: number; firstByteMs: number } | { timedOutMs: number } | undefined;

/** Time to the answer, without the DNS lookup the Bot Connector has usually cached. */
function timed(p: AuthProbeEvidence | undefined): Timed {
  if (!p || !p.probed) return undefined;
  if (p.ok) {
    const t = p.timings;
    return { ms: t.connectMs + (t.tlsMs ?? 0) + t.firstByteMs, connectMs: t.connectMs, tlsMs: t.tlsMs ?? 0, firstByteMs: t.firstByteMs };
  }
  const f = p.failure;
  if (f.phase === 'firstByte' && f.code === 'CHK_ERR_PROBE_TIMEOUT') return { timedOutMs: f.timeoutMs ?? 0 };
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'endpoint-latency',
    suite: 'endpoint',
    title: 'Endpoint answers quickly',
    failureTitle: 'Endpoint answers slowly',
    description: 'The channel waits 10 to 15 seconds, depending on the channel, for a bot to answer an activity and then gives up. The probes time two answers that involve no bot logic: the rejection of a request without a token, and the rejection of a request with a (forged) token, which makes the bot check a signature against its signing keys as it does for every real activity.',
    severity: 'warning',
    requiredEvidence: ['AuthProbeMissingToken'],
    optionalEvidence: ['AuthProbeForgedToken'],
    guards: [notProbedGuard('AuthProbeMissingToken')],
    messages: {
      fast: 'The endpoint answered in {{ms}} ms without a token (connect {{connectMs}} ms, TLS {{tlsMs}} ms, waiting {{firstByteMs}} ms){{tokenText}}.',
      slow: 'The endpoint took {{ms}} ms to reject {{which}} (waiting {{firstByteMs}} ms); more than {{threshold}} ms leaves little of the channel\'s window for real work.',
      tooSlow: 'The endpoint took {{ms}} ms or more to answer {{which}}: at or beyond the {{window}} ms the channel waits for a bot.',
      noAnswer: 'Not measured: no answer was received ({{message}}); see endpoint-reachable.',
    },
    remediation: {
      slow: 'Find what delays the request: cold starts (App Service: turn on Always On; Functions: a Premium plan or pre-warmed instances), a slow gateway, middleware that runs before the SDK, or slow fetches of the signing keys. Answer activities quickly and do long work in the background, sending the result as a proactive message.',
      tooSlow: 'When only requests with a token are slow, the bot waits for its signing keys: check its outbound access with `botflow egress` on its host (egress-openid-metadata). Otherwise keep the bot warm (Always On) and make it answer within a few seconds; move long-running work to a background job that replies proactively.',
    },
    sources: [SOURCES.channelWindow, SOURCES.botBasics],
  },
  evaluate({ AuthProbeMissingToken: missing, AuthProbeForgedToken: forged }) {
    const noToken = timed(missing);
    const withToken = timed(forged);
    const evidence = (): JsonObject => json({ withoutToken: noToken ?? null, withToken: withToken ?? null, warnAboveMs: LATENCY_WARN_MS, channelWindowMs: CHANNEL_TIMEOUT_MS });
    const base = { threshold: LATENCY_WARN_MS, window: CHANNEL_TIMEOUT_MS };
    const candidates: Array<{ which: string; t: Timed }> = [
      { which: 'a request without a token', t: noToken },
      { which: 'a request with a token (the signature check every real activity goes through)', t: withToken },
    ];
    for (const { which, t } of candidates) {
      if (t && 'timedOutMs' in t && t.timedOutMs >= CHANNEL_TIMEOUT_MS) return { status: 'fail', messageId: 'tooSlow', data: msg({ ...base, ms: t.timedOutMs, which }), evidence: evidence() };
      if (t && 'ms' in t && t.ms >= CHANNEL_TIMEOUT_MS) return { status: 'fail', messageId: 'tooSlow', data: msg({ ...base, ms: t.ms, which }), evidence: evidence() };
    }
    for (const { which, t } of candidates) {
      if (t && 'ms' in t && t.ms > LATENCY_WARN_MS) return { status: 'warn', messageId: 'slow', data: msg({ ...base, ms: t.ms, firstByteMs: t.firstByteMs, which }), evidence: evidence() };
    }
    if (!noToken || !('ms' in noToken)) {
      const message = !missing.ok ? missing.failure.message : 'no answer';
      return { status: 'skip', messageId: 'noAnswer', data: msg({ message }), evidence: evidence() };
    }
    const tokenText = withToken && 'ms' in withToken ? `, and in ${withToken.ms} ms with one` : '; the request with a token could not be timed';
    return { status: 'pass', messageId: 'fast', data: msg({ ...base, ms: noToken.ms, connectMs: noToken.connectMs, tlsMs: noToken.tlsMs, firstByteMs: noToken.firstByteMs, tokenText }), evidence: evidence() };
  },
});
