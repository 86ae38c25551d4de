import { describe, expect, it } from 'vitest';
import { bypassesProxy, describeProxy, proxyForTarget, proxySettingsFromEnv } from './proxy';

const proxyFromEnv = (env: Record<string, string>, target: string) => proxyForTarget(proxySettingsFromEnv(env), new URL(target));

describe('proxy selection', () => {
  it.each([
    ['*', 'bot.contoso.com', 443, true],
    ['contoso.com', 'bot.contoso.com', 443, true],
    ['.contoso.com', 'bot.contoso.com', 443, true],
    ['*.contoso.com', 'bot.contoso.com', 443, true],
    ['.contoso.com', 'contoso.com', 443, true],
    ['othercontoso.com', 'bot.contoso.com', 443, false],
    ['contoso.com:8443', 'bot.contoso.com', 443, false],
    ['contoso.com:443', 'bot.contoso.com', 443, true],
    ['localhost, 127.0.0.1', '127.0.0.1', 3978, true],
    ['', 'bot.contoso.com', 443, false],
  ] as const)('NO_PROXY=%s for %s:%s -> bypass %s', (noProxy, host, port, expected) => {
    expect(bypassesProxy(noProxy, host, port)).toBe(expected);
  });

  it('reads HTTPS_PROXY in either case and adds a scheme', () => {
    expect(proxyFromEnv({ https_proxy: 'proxy.corp:8080' }, 'https://bot.contoso.com/')).toEqual({ url: 'http://proxy.corp:8080' });
    expect(proxyFromEnv({ HTTPS_PROXY: 'http://proxy.corp:8080', NO_PROXY: '.contoso.com' }, 'https://bot.contoso.com/')).toBeUndefined();
    expect(proxyFromEnv({}, 'https://bot.contoso.com/')).toBeUndefined();
  });

  it('applies settings per target and never reports credentials', () => {
    const settings = proxySettingsFromEnv({ HTTPS_PROXY: 'http://user:pa55@proxy.corp:8080', NO_PROXY: 'internal.corp' });
    expect(settings).toEqual({ url: 'http://user:pa55@proxy.corp:8080', noProxy: 'internal.corp' });
    expect(proxyForTarget(settings, new URL('http://bot.contoso.com/'))).toBeUndefined(); // no HTTP_PROXY: http goes direct
    expect(proxyForTarget(proxySettingsFromEnv({ HTTP_PROXY: 'proxy.corp:3128' }), new URL('http://bot.contoso.com/'))).toEqual({ url: 'http://proxy.corp:3128' });
    expect(proxyForTarget(proxySettingsFromEnv({ HTTP_PROXY: 'proxy.corp:3128' }), new URL('https://bot.contoso.com/'))).toBeUndefined();
    expect(proxyForTarget(settings, new URL('https://bot.internal.corp/'))).toBeUndefined();
    const p = proxyForTarget(settings, new URL('https://bot.contoso.com/'));
    expect(p && describeProxy(p)).toBe('http://proxy.corp:8080');
  });
});
