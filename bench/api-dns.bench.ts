/**
 * What resolving a target once per request saves: the API's up-front guard and the run sharing
 * one lookup (`resolveOnce`, checks/server/guard.ts) against the guard and the run each asking
 * the resolver (how the route worked before), side by side. A resolver that takes LOOKUP_MS
 * stands in for DNS; the suite is cut to the checks that only read the URL and the DNS answer,
 * so nothing connects anywhere (the answer is a public-looking address).
 */
import { runChecks } from '../checks/core/runner';
import { dnsOnlyEndpointSuite } from '../checks/testing/api-server';
import type { LookupFn } from '../checks/gather/net/resolve';
import { checkTargetUrl, resolveOnce } from '../checks/server/guard';
import type { BenchResult } from './types';

const LOOKUP_MS = 40;
const RUNS = 15;
const URL_UNDER_TEST = 'https://bot.example.test/api/messages';

const dnsOnly = dnsOnlyEndpointSuite;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Guard then run, as the route does, with the lookup `wrap` makes of the slow resolver; returns ms and lookups per request. */
async function measure(wrap: (lookup: LookupFn) => LookupFn): Promise<{ ms: number; lookups: number }> {
  let lookups = 0;
  const slow: LookupFn = async () => {
    lookups += 1;
    await new Promise((r) => setTimeout(r, LOOKUP_MS));
    return [{ address: '52.1.2.3', family: 4 }];
  };
  const times: number[] = [];
  for (let i = 0; i < RUNS + 2; i += 1) {
    const lookup = wrap(slow);
    const t0 = performance.now();
    await checkTargetUrl('/input/url', URL_UNDER_TEST, { allowPrivate: false, allowedPorts: [443], lookup });
    const report = await runChecks({ suite: dnsOnly, input: { url: URL_UNDER_TEST }, allowPrivate: false, lookup });
    if (report.results.find((r) => r.id === 'endpoint-dns')?.status !== 'pass') throw new Error('endpoint-dns did not pass');
    if (i >= 2) times.push(performance.now() - t0);
  }
  return { ms: median(times), lookups: lookups / (RUNS + 2) };
}

export default async function bench(): Promise<BenchResult[]> {
  const once = await measure(resolveOnce);
  const twice = await measure((lookup) => lookup);
  return [
    { name: `guard + run, resolved once (lookup ${LOOKUP_MS} ms)`, value: once.ms, unit: 'ms', goal: `< ${LOOKUP_MS * 1.5} ms`, ok: once.ms < LOOKUP_MS * 1.5, note: `${once.lookups} lookup(s) per request` },
    { name: `guard + run, resolved by each (before; lookup ${LOOKUP_MS} ms)`, value: twice.ms, unit: 'ms', note: `${twice.lookups} lookup(s) per request` },
  ];
}
