import { describe, expect, it } from 'vitest';
import { allowlistCommand, egressCommand, endpointCommand, manifestCommand, registrationCommand, residencyCommand, shellQuote } from './cli-command';

describe('shellQuote', () => {
  it.each([
    ['https://bot.example.com/api/messages', 'https://bot.example.com/api/messages'],
    ['app package.zip', "'app package.zip'"],
    ["it's", "'it'\\''s'"],
    ['https://x.example/$(touch /tmp/p)', "'https://x.example/$(touch /tmp/p)'"],
    ['a;b', "'a;b'"],
    ['', "''"],
  ])('%s -> %s', (input, quoted) => {
    expect(shellQuote(input)).toBe(quoted);
  });
});

describe('commands', () => {
  it('endpoint: URL and app id, placeholder while empty', () => {
    expect(endpointCommand({ url: ' https://bot.example.com/api/messages ', appId: '1b2c3d4e-0000-4000-8000-000000000001' }))
      .toBe('botflow endpoint https://bot.example.com/api/messages --app-id 1b2c3d4e-0000-4000-8000-000000000001');
    expect(endpointCommand({ url: '' })).toBe('botflow endpoint https://your-bot.example.com/api/messages');
    expect(endpointCommand({ url: 'https://a.example/?q=1&x=2' })).toBe("botflow endpoint 'https://a.example/?q=1&x=2'");
  });

  it('endpoint: every input sent, and the settings the API ran with (private targets, extra roots)', () => {
    expect(endpointCommand({ url: 'https://localhost:3978/api/messages', callingWebhook: ' https://localhost:3978/api/calls ', allowPrivate: true, caFile: '.demo/ca.pem' }))
      .toBe('botflow endpoint https://localhost:3978/api/messages --calling-webhook https://localhost:3978/api/calls --allow-private --ca .demo/ca.pem');
    expect(endpointCommand({ url: 'https://a.example/', allowPrivate: false, callingWebhook: '  ' })).toBe('botflow endpoint https://a.example/');
    expect(endpointCommand({ url: 'https://a.example/', caFile: 'my roots.pem' })).toBe("botflow endpoint https://a.example/ --ca 'my roots.pem'");
  });

  it('endpoint: the timeout the widget sent becomes --timeout (the API\'s timeout is the CLI\'s --timeout)', () => {
    expect(endpointCommand({ url: 'https://a.example/', timeout: ' 5000 ', allowPrivate: true })).toBe('botflow endpoint https://a.example/ --timeout 5000 --allow-private');
    expect(endpointCommand({ url: 'https://a.example/', timeout: '  ' })).toBe('botflow endpoint https://a.example/');
  });

  it('registration: the documents as files, the manifest by its name, the endpoint and webhook under test', () => {
    expect(registrationCommand({ channel: true, manifest: 'appPackage.zip', endpoint: 'https://bot.example.com/api/messages', callingWebhook: 'https://bot.example.com/api/calls' }))
      .toBe('botflow registration bot.json --channel teams-channel.json --manifest appPackage.zip --endpoint https://bot.example.com/api/messages --calling-webhook https://bot.example.com/api/calls');
    expect(registrationCommand({ endpoint: ' ' })).toBe('botflow registration bot.json');
    expect(manifestCommand('manifest.json', '1b2c3d4e-0000-4000-8000-000000000001')).toBe('botflow manifest manifest.json --app-id 1b2c3d4e-0000-4000-8000-000000000001');
  });

  it('manifest, registration, residency', () => {
    expect(manifestCommand('my app.zip')).toBe("botflow manifest 'my app.zip'");
    expect(manifestCommand()).toBe('botflow manifest appPackage.zip');
    expect(registrationCommand({ channel: true })).toBe('botflow registration bot.json --channel teams-channel.json');
    expect(residencyCommand('https://smba.trafficmanager.net/emea/')).toBe('botflow residency https://smba.trafficmanager.net/emea/');
  });

  it('egress and allowlist carry cloud, features and region', () => {
    expect(egressCommand('gcch', ['calling', 'sso'])).toBe('botflow egress --cloud gcch --calling --sso');
    expect(allowlistCommand('public', ['graph'], 'europe', 'csv')).toBe('botflow allowlist --cloud public --graph --region europe --format csv');
    expect(allowlistCommand('dod', [], undefined, 'text')).toBe('botflow allowlist --cloud dod');
  });
});
