/**
 * What the real SDK bots answered to the endpoint probes, captured by
 * scripts/capture-sdk-answers.ts into fixtures/sdk-answers.json, as evidence for table tests
 * (rows then use real bodies, not hand-written ones). The end-to-end matrix test runs the same
 * bots live (checks/suites/endpoint.sdk-matrix.test.ts).
 */
import { readFileSync } from 'node:fs';
import { KEPT_HEADERS, type AuthProbeEvidence, type ProbeAnswer } from '../gather/auth-probe';
import type { MalformedBodyEvidence } from '../gather/malformed-probe';
import type { BotMode, BotSdk } from './bots/start-bot';
import type { Egress } from './bots/microsoft-world';
import { goodAuthProbe, goodMalformedProbe } from './endpoint-evidence';

export type CapturedProbe = 'missing-token message' | 'missing-token invoke' | 'forged-token message' | 'forged-token invoke' | 'malformed body' | 'missing-token plain message';

interface Captured {
  sdk: BotSdk;
  mode: BotMode;
  egress: Egress;
  nodeEnv: 'development' | 'production';
  probe: CapturedProbe | 'start';
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  error?: string;
}

const captured = JSON.parse(readFileSync(new URL('./fixtures/sdk-answers.json', import.meta.url), 'utf8')) as Captured[];

export interface Situation {
  sdk: BotSdk;
  mode: BotMode;
  egress?: Egress;
  nodeEnv?: 'development' | 'production';
}

export function capturedAnswer(s: Situation, probe: CapturedProbe): Extract<ProbeAnswer, { ok: true }> {
  const hit = captured.find((c) => c.sdk === s.sdk && c.mode === s.mode && c.egress === (s.egress ?? 'answer') && c.nodeEnv === (s.nodeEnv ?? 'development') && c.probe === probe);
  if (!hit || hit.status === undefined) throw new Error(`no captured answer for ${JSON.stringify(s)} ${probe}`);
  const body = hit.body ?? '';
  // Every kept header is named, absent ones as undefined: merged over a base row, they delete its headers.
  const headers = Object.fromEntries(KEPT_HEADERS.map((h) => [h, hit.headers?.[h]])) as Record<string, string>;
  return {
    ok: true, status: hit.status, headers, body, bodyBytes: Buffer.byteLength(body), truncated: false,
    hops: [{ url: 'https://bot.contoso.com/api/messages', status: hit.status }],
    timings: { dnsMs: 0, connectMs: 20, tlsMs: 30, firstByteMs: 50, bodyMs: 1, totalMs: 101 },
  };
}

/** Auth probe evidence whose message and invoke answers are the captured ones. */
export function capturedAuthProbe(s: Situation, kind: 'missing-token' | 'forged-token'): AuthProbeEvidence {
  const base = goodAuthProbe(kind);
  if (!base.probed) throw new Error('unreachable');
  return { ...base, ...capturedAnswer(s, `${kind} message`), invoke: capturedAnswer(s, `${kind} invoke`) };
}

export function capturedMalformed(s: Situation): MalformedBodyEvidence {
  if (!goodMalformedProbe.probed) throw new Error('unreachable');
  return { ...goodMalformedProbe, ...capturedAnswer(s, 'malformed body') };
}

/** All three probes' evidence for one situation, keyed as the endpoint suite's evidence. */
export function capturedEvidence(s: Situation): { AuthProbeMissingToken: AuthProbeEvidence; AuthProbeForgedToken: AuthProbeEvidence; MalformedBodyProbe: MalformedBodyEvidence } {
  return { AuthProbeMissingToken: capturedAuthProbe(s, 'missing-token'), AuthProbeForgedToken: capturedAuthProbe(s, 'forged-token'), MalformedBodyProbe: capturedMalformed(s) };
}
