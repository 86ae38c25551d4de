import { runCheckTable } from '../testing/check-tester';
import { goodDns } from '../testing/endpoint-evidence';
import check from './endpoint-dns';

const failure = (code: string, osCode?: string) => ({ phase: 'dns', code, ...(osCode ? { osCode } : {}), timeoutMs: 5000, message: 'x' });

runCheckTable(check, {
  base: { DnsResolution: goodDns },
  valid: [
    { name: 'public IPv4', messageId: 'public' },
    { name: 'public IPv4 and IPv6', evidence: { DnsResolution: { addresses: [{ address: '20.50.60.70', family: 4, class: 'public' }, { address: '2603:1000::1', family: 6, class: 'public' }] } }, messageId: 'public', data: { addresses: '20.50.60.70, 2603:1000::1' } },
    { name: 'invalid URL is not checked', status: 'skip', messageId: 'notProbed', evidence: { DnsResolution: { probed: false, reason: 'invalid-url' } } },
  ],
  invalid: [
    { name: 'private address', status: 'fail', messageId: 'private', evidence: { DnsResolution: { allowed: false, addresses: [{ address: '10.1.2.3', family: 4, class: 'private' }] } }, data: { class: 'private' } },
    { name: 'one private among public', status: 'fail', messageId: 'private', evidence: { DnsResolution: { allowed: false, addresses: [{ address: '20.50.60.70', family: 4, class: 'public' }, { address: '192.168.1.4', family: 4, class: 'private' }] } }, data: { address: '192.168.1.4' } },
    { name: 'loopback allowed for local testing', status: 'warn', messageId: 'privateAllowed', evidence: { DnsResolution: { allowPrivate: true, addresses: [{ address: '127.0.0.1', family: 4, class: 'loopback' }] } } },
    { name: 'name not found', status: 'fail', messageId: 'notFound', evidence: { DnsResolution: { resolved: false, failure: failure('CHK_ERR_PROBE_NETWORK', 'ENOTFOUND') } }, data: { code: 'ENOTFOUND' } },
    { name: 'lookup timed out', status: 'fail', messageId: 'timeout', evidence: { DnsResolution: { resolved: false, failure: failure('CHK_ERR_PROBE_TIMEOUT') } } },
    { name: 'fails locally behind a proxy', status: 'warn', messageId: 'proxyOnly', evidence: { DnsResolution: { resolved: false, proxy: 'http://proxy:8080', failure: failure('CHK_ERR_PROBE_NETWORK', 'ENOTFOUND') } } },
  ],
});
