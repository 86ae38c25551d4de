/**
 * The auth probe both auth gatherers run: POST a well-formed Teams message activity to the
 * endpoint, with no Authorization header or with a forged token, and record the answer as it
 * came (status, selected headers, the start of the body, every hop, timings). Redirects are
 * never followed: the Location is reported and, for an IP literal, classified.
 */
import type { GatherContext } from '../core/gatherer';
import { endpointTarget } from './dns-resolution';
import { failureOf, netOptions, type NotProbed, type ProbeFailure } from './endpoint-probe-context';
import { safeRequest, type HopTimings, type RedirectNote, type TlsInfo } from './net';
import { forgedToken, probeActivity, type ForgedTokenClaims, type ProbeKind } from './teams-probe';

/** Response headers kept as evidence (no cookies, nothing that could carry a secret). */
export const KEPT_HEADERS = [
  'content-type', 'content-length', 'location', 'www-authenticate', 'server', 'x-powered-by', 'x-aspnet-version',
  'x-aspnetmvc-version', 'via', 'x-azure-ref', 'x-msedge-ref', 'cf-ray', 'x-amz-cf-id', 'x-cache', 'x-ms-request-id',
  'x-ms-middleware-request-id', 'allow',
] as const;

/** Characters of the response body kept as evidence. */
export const KEPT_BODY_CHARS = 4_096;

export interface AuthProbeSent {
  method: 'POST';
  activity: { type: 'message'; channelId: 'msteams'; serviceUrl: string; text: string };
  authorization: 'none' | 'forged-bearer-token';
  /** Claims of the forged token (the token itself is never stored). */
  token?: ForgedTokenClaims;
}

export type AuthProbeEvidence =
  | NotProbed
  | {
    probed: true;
    ok: true;
    kind: ProbeKind;
    url: string;
    sent: AuthProbeSent;
    status: number;
    headers: Record<string, string>;
    body: string;
    bodyBytes: number;
    truncated: boolean;
    hops: Array<{ url: string; status: number; location?: string }>;
    redirect?: RedirectNote;
    tls?: TlsInfo;
    address?: string;
    proxy?: string;
    timings: HopTimings;
  }
  | { probed: true; ok: false; kind: ProbeKind; url: string; sent: AuthProbeSent; failure: ProbeFailure };

function keptHeaders(all: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) if (all[name] !== undefined) out[name] = all[name].slice(0, 512);
  return out;
}

export async function runAuthProbe(ctx: GatherContext, kind: ProbeKind): Promise<AuthProbeEvidence> {
  const now = ctx.now();
  const activity = probeActivity(kind, now, ctx.input.appId);
  // The RSA key is generated while the name resolves.
  const signing = kind === 'forged-token' ? forgedToken({ ...(ctx.input.appId ? { appId: ctx.input.appId } : {}), serviceUrl: activity.serviceUrl, now }) : undefined;
  signing?.catch(() => undefined);
  const target = await endpointTarget(ctx);
  if ('probed' in target) return target;
  const forged = signing ? await signing : undefined;
  const sent: AuthProbeSent = {
    method: 'POST',
    activity: { type: activity.type, channelId: activity.channelId, serviceUrl: activity.serviceUrl, text: activity.text },
    authorization: forged ? 'forged-bearer-token' : 'none',
    ...(forged ? { token: forged.claims } : {}),
  };
  const url = target.url.href;
  try {
    const res = await safeRequest(target.url, {
      ...netOptions(ctx, target.url, target.resolution, false),
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(forged ? { authorization: `Bearer ${forged.token}` } : {}),
      },
      body: JSON.stringify(activity),
      rejectUnauthorized: false,
      maxRedirects: 0,
    });
    return {
      probed: true,
      ok: true,
      kind,
      url,
      sent,
      status: res.status,
      headers: keptHeaders(res.headers),
      body: res.body.slice(0, KEPT_BODY_CHARS),
      bodyBytes: res.bodyBytes,
      truncated: res.truncated || res.body.length > KEPT_BODY_CHARS,
      hops: res.hops.map((h) => ({ url: h.url, status: h.status, ...(h.location ? { location: h.location } : {}) })),
      ...(res.redirect ? { redirect: res.redirect } : {}),
      ...(res.tls ? { tls: res.tls } : {}),
      ...(res.address ? { address: res.address } : {}),
      ...(res.proxy ? { proxy: res.proxy } : {}),
      timings: res.timings,
    };
  } catch (err) {
    return { probed: true, ok: false, kind, url, sent, failure: failureOf(err) };
  }
}
