import { describe, it } from 'vitest';
import { assertValidMeta, runCheckTable } from '../testing/check-tester';
import type { EgressHostProbe, EgressHostsEvidence } from '../gather/egress-hosts';
import check from './egress-fqdn';

const ok = (host: string, required = true): EgressHostProbe => ({
  host, port: 443, required, features: ['messaging'], purpose: 'test', via: 'direct', ok: true,
  dns: { ms: 3, addresses: ['52.1.2.3'], classes: ['public'] }, connectMs: 10, tlsMs: 20, totalMs: 33,
});
const down = (host: string, phase: string, osCode: string, required = true): EgressHostProbe => ({
  host, port: 443, required, features: ['messaging'], purpose: 'test', via: 'direct', ok: false,
  failedPhase: phase, error: { code: 'CHK_ERR_PROBE_NETWORK', osCode, message: 'x' }, totalMs: 5,
});

const base: EgressHostsEvidence = {
  cloud: 'public', features: ['messaging'], proxy: { configured: false },
  probes: [ok('login.botframework.com'), ok('login.microsoftonline.com'), ok('smba.trafficmanager.net'), ok('sts.windows.net', false)],
  durationMs: 40,
};
const withProbes = (probes: EgressHostProbe[]): Record<string, unknown> => ({ EgressHosts: { ...base, probes } });

runCheckTable(check, {
  base: { EgressHosts: base },
  valid: [
    { name: 'all reachable', messageId: 'allReachable', data: { count: 4 } },
    { name: 'all reachable through a proxy', evidence: withProbes(base.probes.map((p) => ({ ...p, via: 'proxy', proxy: 'http://proxy:8080' }))), messageId: 'allReachable' },
  ],
  invalid: [
    { name: 'required host DNS failure', evidence: withProbes([down('login.botframework.com', 'dns', 'ENOTFOUND'), ...base.probes.slice(1)]), status: 'fail', messageId: 'requiredUnreachable', data: { failed: 1, count: 3, hosts: 'login.botframework.com' } },
    { name: 'required host TLS timeout', evidence: withProbes([...base.probes.slice(0, 2), down('smba.trafficmanager.net', 'tls', 'ETIMEDOUT'), base.probes[3]!]), status: 'fail', messageId: 'requiredUnreachable' },
    { name: 'only optional host down', evidence: withProbes([...base.probes.slice(0, 3), down('sts.windows.net', 'connect', 'ECONNREFUSED', false)]), status: 'warn', messageId: 'optionalUnreachable', data: { hosts: 'sts.windows.net' } },
  ],
});

describe('egress-fqdn meta', () => {
  it('is well-formed', () => assertValidMeta(check));
});
