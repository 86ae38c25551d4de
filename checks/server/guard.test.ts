/**
 * The production-mode API refuses targets Teams could never reach and that a server must not
 * be steered to (SSRF): each with a 400 naming the field and saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from './errors';
import { checkTargetUrl } from './guard';
import { refuseSecrets as refuseSecretFields } from './secret-input';
import { postRun, startApi, type RunningApi } from '../testing/api-server';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({
    mode: 'production',
    // Names under .test resolve through this resolver, as a hostile DNS zone might answer.
    lookup: async (host) => {
      if (host === 'rebind.example.test') return [{ address: '127.0.0.1', family: 4 }];
      if (host === 'mixed.example.test') return [{ address: '52.1.2.3', family: 4 }, { address: '10.1.2.3', family: 4 }];
      if (host === 'meta.example.test') return [{ address: '169.254.169.254', family: 4 }];
      if (host === 'v6.example.test') return [{ address: '::ffff:127.0.0.1', family: 6 }];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    },
  });
});
afterAll(async () => { await api.close(); });

const refused: Array<[string, string, RegExp]> = [
  ['loopback IPv4', 'https://127.0.0.1/api/messages', /127\.0\.0\.1 is a loopback address/],
  ['private 10/8', 'https://10.0.0.1/api/messages', /10\.0\.0\.1 is a private network address/],
  ['cloud metadata', 'https://169.254.169.254/latest/meta-data', /metadata address, which is never probed/],
  ['IPv6 loopback', 'https://[::1]/api/messages', /\[::1\] is a loopback address/],
  ['decimal IPv4 (2130706433 = 127.0.0.1)', 'https://2130706433/api/messages', /loopback address/],
  ['hex IPv4', 'https://0x7f000001/api/messages', /loopback address/],
  ['IPv4-mapped IPv6', 'https://[::ffff:10.0.0.1]/api/messages', /private network address/],
  ['short IPv4 (127.1)', 'https://127.1/api/messages', /loopback address/],
  ['octal IPv4', 'https://0177.0.0.1/api/messages', /loopback address/],
  ['unspecified 0.0.0.0 as "0"', 'https://0/api/messages', /unspecified address/],
  ['IPv6 unspecified', 'https://[::]/api/messages', /unspecified address/],
  ['IPv6 link-local', 'https://[fe80::1]/api/messages', /link-local address/],
  ['CGNAT', 'https://100.64.0.1/api/messages', /carrier-grade NAT address/],
  ['IPv6 unique local', 'https://[fd12:3456::1]/api/messages', /unique local address/],
  ['AWS ECS metadata', 'https://169.254.170.2/', /metadata address/],
  ['trailing-dot loopback', 'https://127.0.0.1./api/messages', /loopback address/],
  ['IPv4-translated IPv6 loopback (::ffff:0:0:0/96)', 'https://[::ffff:0:127.0.0.1]/api/messages', /loopback address/],
  ['local-use NAT64 (64:ff9b:1::/48) of a public address', 'https://[64:ff9b:1::808:808]/api/messages', /reserved address/],
  ['Teredo carrying a loopback client', 'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/api/messages', /loopback address/],
  ['6to4 carrying the metadata address', 'https://[2002:a9fe:a9fe::1]/', /metadata address/],
  ['SRv6 SID block (5f00::/16)', 'https://[5f00::1]/api/messages', /reserved address/],
  ['IPv6 documentation (3fff::/20)', 'https://[3fff::1]/api/messages', /documentation-only address/],
  ['Azure WireServer', 'https://168.63.129.16/', /metadata address/],
  ['name resolving to loopback (injected resolver)', 'https://rebind.example.test/api/messages', /rebind\.example\.test resolves to 127\.0\.0\.1, a loopback address/],
  ['name with one private address among public ones', 'https://mixed.example.test/api/messages', /resolves to 10\.1\.2\.3, a private network address/],
  ['name resolving to the metadata address', 'https://meta.example.test/', /169\.254\.169\.254, a cloud instance metadata address/],
  ['name resolving to IPv4-mapped loopback', 'https://v6.example.test/', /loopback address/],
];

describe('production-mode API: refused targets', () => {
  it.each(refused)('refuses %s', async (_name, url, message) => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url } });
    expect(res.status).toBe(400);
    const body = res.json() as ApiErrorBody;
    expect(body.field).toBe('/input/url');
    expect(body.code).toBe('CHK_ERR_ADDRESS_REFUSED');
    expect(body.message).toMatch(message);
    expect(res.text).not.toMatch(/\bat .+\.ts:\d+/); // no stack
  });

  it('refuses "localhost" through the system resolver', async () => {
    const plain = await startApi({ mode: 'production' });
    try {
      const res = await postRun(plain.base, { suite: 'endpoint', input: { url: 'https://localhost/api/messages' } });
      expect(res.status).toBe(400);
      expect((res.json() as ApiErrorBody).message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    } finally {
      await plain.close();
    }
  });

  it('refuses a private calling webhook too', async () => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url: 'https://52.1.2.3/api/messages', callingWebhook: 'https://192.168.1.10/api/calls' } });
    expect(res.status).toBe(400);
    expect((res.json() as ApiErrorBody).field).toBe('/input/callingWebhook');
  });

  it.each([
    ['https://52.1.2.3:22/api/messages', /Port 22 is not allowed/],
    ['https://52.1.2.3:3978/api/messages', /Port 3978 is not allowed/],
    ['http://52.1.2.3/api/messages', /Port 80 is not allowed.*use an https:\/\/ URL/],
    ['ftp://52.1.2.3/', /scheme "ftp" is not supported/],
    ['not a url', /not an absolute URL/],
  ])('refuses %s up front', async (url, message) => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url } });
    expect(res.status).toBe(400);
    const body = res.json() as ApiErrorBody;
    expect(body.field).toBe('/input/url');
    expect(body.message).toMatch(message);
  });

  it.each([
    ['https://user:pw@52.1.2.3/api/messages', /user name or password/],
    ['https://52.1.2.3/api/messages?code=abc', /"code" parameter/],
    ['https://52.1.2.3/api/messages?sig=abc&x=1', /"sig" parameter/],
  ])('refuses a URL carrying a secret: %s', async (url, message) => {
    const res = await postRun(api.base, { suite: 'endpoint', input: { url } });
    expect(res.status).toBe(400);
    const body = res.json() as ApiErrorBody;
    expect(body.code).toBe('CHK_ERR_SECRET_REFUSED');
    expect(body.message).toMatch(message);
    expect(res.text).not.toContain('abc');
    expect(res.text).not.toContain('pw@');
  });
});

describe('guard policy', () => {
  const lookupLoopback = async (): Promise<Array<{ address: string; family: number }>> => [{ address: '127.0.0.1', family: 4 }];

  it('lets private targets and any port through when allowPrivate is set, but never metadata', async () => {
    await expect(checkTargetUrl('/input/url', 'https://127.0.0.1:3978/api/messages', { allowPrivate: true, allowedPorts: 'any' })).resolves.toBeInstanceOf(URL);
    await expect(checkTargetUrl('/input/url', 'https://bot.test/api', { allowPrivate: true, allowedPorts: 'any', lookup: lookupLoopback })).resolves.toBeInstanceOf(URL);
    await expect(checkTargetUrl('/input/url', 'https://169.254.169.254/', { allowPrivate: true, allowedPorts: 'any' })).rejects.toMatchObject({ statusCode: 400, code: 'CHK_ERR_ADDRESS_REFUSED' });
  });

  it('lets a name that does not resolve through (the report says so)', async () => {
    const lookup = async (): Promise<never> => { throw Object.assign(new Error('nx'), { code: 'ENOTFOUND' }); };
    await expect(checkTargetUrl('/input/url', 'https://nx.example.test/', { allowPrivate: false, allowedPorts: [443], lookup })).resolves.toBeInstanceOf(URL);
  });

  it('refuses fields named like secrets in the envelope and the input', () => {
    expect(() => refuseSecretFields({ suite: 'endpoint', input: { url: 'x', appPassword: 'p' } })).toThrow(/"appPassword" looks like one/);
    expect(() => refuseSecretFields({ suite: 'endpoint', token: 't', input: {} })).toThrow(/"token"/);
    expect(() => refuseSecretFields({ suite: 'endpoint', input: { client_secret: 's' } })).toThrow(/client_secret/);
    expect(() => refuseSecretFields({ suite: 'endpoint', input: { url: 'x', appId: 'y' } })).not.toThrow();
  });
});
