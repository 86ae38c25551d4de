/**
 * Evidence `EgressHosts`: every host the bot needs for its cloud and features, probed
 * concurrently from the bot's host: DNS, TCP 443 (or a CONNECT tunnel through the proxy) and a
 * TLS handshake, with per-phase timings and the certificate chain presented.
 * Unreachable hosts are evidence, not errors.
 */
import type { BotRegion, EgressCloudId, Feature } from '../core/clouds';
import { defineGatherer, type Gatherer } from '../core/gatherer';
import {
  budgetSignal, egressPlan, egressTimeouts, portOf, probeError, publicRootsOf, trustOptions,
  EGRESS_BUDGET_MS, type EgressNetwork, type EgressPlan, type ProxySummary,
} from './egress-config';
import { describePeer, type TlsPeerEvidence } from './egress-tls-chain';
import { connectTls, resolveHost, type Resolution } from './net/index';
import { monotonicMs } from '../core/clock';

export interface EgressHostProbe {
  host: string;
  port: number;
  required: boolean;
  features: Feature[];
  purpose: string;
  /** `proxy`: tunnelled with CONNECT (the proxy resolved the name). */
  via: 'direct' | 'proxy';
  proxy?: string;
  ok: boolean;
  /** dns | connect | proxy | tls | budget when the probe failed. */
  failedPhase?: string;
  error?: { code: string; osCode?: string; message: string };
  dns?: { ms: number; addresses: string[]; classes: string[] };
  connectMs?: number;
  tlsMs?: number;
  totalMs: number;
  tls?: TlsPeerEvidence;
}

export interface EgressHostsEvidence {
  cloud: EgressCloudId;
  features: Feature[];
  region?: BotRegion;
  proxy: ProxySummary;
  probes: EgressHostProbe[];
  durationMs: number;
}

declare module '../core/evidence' {
  interface EvidenceMap {
    EgressHosts: EgressHostsEvidence;
  }
}

async function probe(plan: EgressPlan, entry: EgressPlan['entries'][number], network: EgressNetwork, signal: AbortSignal, extraCa: string | undefined): Promise<EgressHostProbe> {
  const port = portOf(network, entry.host);
  const proxy = plan.proxyFor(entry.host, port);
  const timeouts = egressTimeouts(network);
  const t0 = monotonicMs();
  const base = {
    host: entry.host, port, required: entry.required,
    features: entry.features.filter((f) => plan.features.includes(f)), purpose: entry.purpose,
    via: proxy ? 'proxy' as const : 'direct' as const,
    ...(proxy && plan.proxy.proxy ? { proxy: plan.proxy.proxy } : {}),
  };
  let resolution: Resolution | undefined;
  let phase = proxy ? 'proxy' : 'dns';
  try {
    if (!proxy) {
      resolution = await resolveHost(entry.host, { ...(network.lookup ? { lookup: network.lookup } : {}), timeoutMs: timeouts.dns, signal });
      phase = 'connect';
    }
    const conn = await connectTls(entry.host, port, {
      // Fixed Microsoft host names, not user targets: any address is probed, and its class reported.
      allowPrivate: true,
      ...(network.lookup ? { lookup: network.lookup } : {}),
      ...(resolution ? { resolution } : {}),
      ...(proxy ? { proxy } : {}),
      timeouts,
      signal,
      rejectUnauthorized: false,
      ...trustOptions(network, extraCa),
    });
    try {
      return {
        ...base,
        ok: true,
        ...(resolution ? { dns: dnsOf(resolution) } : {}),
        connectMs: conn.timings.connectMs,
        tlsMs: conn.timings.tlsMs,
        totalMs: Math.round(monotonicMs() - t0),
        tls: describePeer(conn.socket, publicRootsOf(network)),
      };
    } finally {
      conn.socket.destroy();
    }
  } catch (err) {
    const info = probeError(err, network.budgetMs ?? EGRESS_BUDGET_MS);
    return {
      ...base,
      ok: false,
      // The address guard refuses only metadata addresses here (allowPrivate): a DNS answer problem.
      failedPhase: info.phase ?? (info.code === 'CHK_ERR_ADDRESS_REFUSED' ? 'dns' : phase),
      error: { code: info.code, ...(info.osCode ? { osCode: info.osCode } : {}), message: info.message },
      ...(resolution ? { dns: dnsOf(resolution) } : {}),
      totalMs: Math.round(monotonicMs() - t0),
    };
  }
}

function dnsOf(r: Resolution): { ms: number; addresses: string[]; classes: string[] } {
  return { ms: r.durationMs, addresses: r.addresses.map((a) => a.address), classes: r.addresses.map((a) => a.class) };
}

export function egressHostsGatherer(network: EgressNetwork = {}): Gatherer<'EgressHosts'> {
  return defineGatherer({
    id: 'EgressHosts',
    environments: ['node'],
    async gather(ctx) {
      const plan = egressPlan(ctx.input.egress);
      const budget = budgetSignal(ctx, network);
      const t0 = monotonicMs();
      const probes = await Promise.all(plan.entries.map((e) => probe(plan, e, network, budget.signal, ctx.options.ca)))
        .finally(() => budget.dispose());
      return {
        cloud: plan.cloud,
        features: plan.features,
        ...(plan.region ? { region: plan.region } : {}),
        proxy: plan.proxy,
        probes,
        durationMs: Math.round(monotonicMs() - t0),
      };
    },
  });
}
