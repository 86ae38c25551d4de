import { X509Certificate } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { testPki } from '../testing/certs';
import { budgetSignal, egressPlan, mappedUrl, probeError, trustOptions } from './egress-config';
import { anchoredIn, dn } from './egress-tls-chain';
import { startWorld } from '../testing/egress-world';

describe('egressPlan', () => {
  it('selects probe targets without wildcards, messaging always on', () => {
    const plan = egressPlan({ cloud: 'public', features: ['graph'] });
    expect(plan.features).toEqual(['messaging', 'graph']);
    const hosts = plan.entries.map((e) => e.host);
    expect(hosts).toContain('graph.microsoft.com');
    expect(hosts.some((h) => h.includes('*'))).toBe(false);
    expect(hosts).not.toContain('login.windows.net');
  });

  it.each([
    [undefined, /needs a cloud/],
    [{ cloud: 'china' }, /Unknown cloud "china"/],
    [{ cloud: 'public', features: ['fax'] }, /Unknown feature "fax"/],
    [{ cloud: 'gcch', region: 'europe' }, /public cloud only/],
    [{ cloud: 'public', region: 'mars' }, /public cloud only/],
  ])('rejects %j with a clear message', (input, message) => {
    expect(() => egressPlan(input as never)).toThrow(message);
    try { egressPlan(input as never); } catch (err) { expect((err as { code: string }).code).toBe('CHK_ERR_INVALID_INPUT'); }
  });

  it('reads the proxy from either case, strips credentials, and applies NO_PROXY per host', () => {
    const plan = egressPlan({ cloud: 'public', proxyEnv: { https_proxy: 'http://me:pw@proxy.corp:3128', NO_PROXY: '.trafficmanager.net' } });
    expect(plan.proxy).toEqual({ configured: true, proxy: 'http://proxy.corp:3128', source: 'https_proxy', noProxy: '.trafficmanager.net' });
    expect(plan.proxyFor('login.botframework.com', 443)?.url).toBe('http://me:pw@proxy.corp:3128');
    expect(plan.proxyFor('smba.trafficmanager.net', 443)).toBeUndefined();
    expect(egressPlan({ cloud: 'public', proxyEnv: { ALL_PROXY: 'proxy.corp:8080' } }).proxy).toMatchObject({ configured: true, proxy: 'http://proxy.corp:8080', source: 'ALL_PROXY' });
    expect(egressPlan({ cloud: 'public', proxyEnv: { HTTP_PROXY: 'http://proxy:1' } }).proxy.configured).toBe(false);
  });
});

describe('network helpers', () => {
  it('maps ports only when asked, and trusts injected roots only', () => {
    expect(mappedUrl({}, 'https://login.botframework.com/v1/x').href).toBe('https://login.botframework.com/v1/x');
    expect(mappedUrl({ portFor: () => 8443 }, 'https://login.botframework.com/v1/x').href).toBe('https://login.botframework.com:8443/v1/x');
    expect(trustOptions({})).toEqual({});
    expect(trustOptions({}, 'PEM')).toEqual({ ca: ['PEM'] });
    expect(trustOptions({ trustedRoots: ['A'] }, 'B')).toEqual({ ca: ['A', 'B'], caOnly: true });
  });

  it('describes a budget abort as the budget phase', () => {
    expect(probeError(new DOMException('timed out', 'TimeoutError'), 8000)).toMatchObject({ code: 'CHK_ERR_PROBE_TIMEOUT', phase: 'budget' });
    expect(probeError(Object.assign(new Error('refused'), { code: 'CHK_ERR_PROBE_NETWORK', osCode: 'ECONNREFUSED', phase: 'connect' }), 1)).toMatchObject({ osCode: 'ECONNREFUSED', phase: 'connect' });
  });
});

describe('public chain detection', () => {
  it('anchors the test chain in its root, not in another root or an empty store', async () => {
    const pki = await testPki();
    const leaf = await pki.leaf('good');
    const chain = leaf.cert.split(/(?<=-----END CERTIFICATE-----\n)/).filter((p) => p.includes('BEGIN')).map((p) => new X509Certificate(p));
    expect(chain).toHaveLength(2);
    expect(anchoredIn(chain, [pki.caPem])).toBe(true);
    expect(anchoredIn([...chain, new X509Certificate(pki.caPem)], [pki.caPem])).toBe(true);
    expect(anchoredIn(chain, [])).toBe(false);
    const w = await startWorld({ cloud: 'public', hosts: ['login.botframework.com'] });
    try {
      expect(anchoredIn(chain, [w.interceptionCaPem])).toBe(false);
    } finally {
      await w.close();
    }
    expect(dn('CN=a\nO=b')).toBe('CN=a, O=b');
  });
});

describe('budgetSignal', () => {
  // Node 20 holds an AbortSignal.timeout() weakly (nodejs/node#57736): inside AbortSignal.any()
  // nothing else keeps it, so one garbage collection and the budget never fires.
  it('aborts at the budget even when the heap is collected while it runs', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const run = new AbortController();
    const ctx = { signal: run.signal };
    const budget = budgetSignal(ctx, { budgetMs: 150 });
    let fired = false;
    budget.signal.addEventListener('abort', () => { fired = true; }, { once: true });
    gc();
    await new Promise((r) => setTimeout(r, 50));
    gc();
    await new Promise((r) => setTimeout(r, 400));
    expect(fired).toBe(true);
    expect(budget.signal.reason).toMatchObject({ name: 'TimeoutError' });
    expect(budget.expired).toBe(true);
    budget.dispose();
  });

  it('follows the run (and any other stop signal) and stops its timer when disposed', async () => {
    const run = new AbortController();
    const stop = new AbortController();
    const budget = budgetSignal({ signal: run.signal }, { budgetMs: 60_000 }, stop.signal);
    stop.abort(new Error('host down'));
    expect(budget.signal.aborted).toBe(true);
    expect((budget.signal.reason as Error).message).toBe('host down');
    expect(budget.expired).toBe(false);
    budget.dispose();

    const early = budgetSignal({ signal: run.signal }, { budgetMs: 100 });
    early.dispose();
    await new Promise((r) => setTimeout(r, 200));
    expect(early.signal.aborted).toBe(false);
  });
});
