import { describe, expect, it } from 'vitest';
import { endpointFormErrors, jsonFieldError, manifestFileError } from './widget-inputs';

describe('endpointFormErrors', () => {
  it('accepts https and http URLs (http is for the check to fail) and a GUID app id', () => {
    expect(endpointFormErrors({ url: 'https://bot.example.com/api/messages' })).toEqual({});
    expect(endpointFormErrors({ url: 'http://bot.example.com/api/messages', appId: '{1B2C3D4E-0000-4000-8000-000000000001}' })).toEqual({});
  });

  it.each([
    ['', /Enter the messaging endpoint URL/],
    ['bot.example.com/api/messages', /not an absolute URL/],
    ['ftp://bot.example.com/', /uses ftp:/],
    [`https://a.example/${'x'.repeat(2100)}`, /longer than 2048/],
  ])('refuses %j', (url, message) => {
    expect(endpointFormErrors({ url }).url).toMatch(message);
  });

  it('checks the optional calling webhook the same way', () => {
    expect(endpointFormErrors({ url: 'https://a.example/', callingWebhook: 'https://a.example/api/calling' })).toEqual({});
    expect(endpointFormErrors({ url: 'https://a.example/', callingWebhook: 'ftp://a.example/' }).callingWebhook).toMatch(/a calling webhook is an https:\/\/ URL/);
    expect(endpointFormErrors({ url: 'https://a.example/', callingWebhook: 'calling' }).callingWebhook).toMatch(/not an absolute URL/);
  });

  it('refuses an app id that is not a GUID', () => {
    expect(endpointFormErrors({ url: 'https://a.example/', appId: 'my-bot' }).appId).toMatch(/GUID/);
  });
});

describe('jsonFieldError', () => {
  it('required, optional, malformed, not an object', () => {
    expect(jsonFieldError('  ', 'the bot JSON', true)).toBe('Paste the bot JSON.');
    expect(jsonFieldError('', 'the channel JSON', false)).toBeUndefined();
    expect(jsonFieldError('{"a":', 'the bot JSON', true)).toMatch(/^the bot JSON is not valid JSON: /);
    expect(jsonFieldError('[1]', 'the bot JSON', true)).toMatch(/must be a JSON object/);
    expect(jsonFieldError('{"name":"bot"}', 'the bot JSON', true)).toBeUndefined();
  });
});

describe('manifestFileError', () => {
  it('takes .json and .zip within the limit only', () => {
    expect(manifestFileError('appPackage.zip', 2000, 1000_000)).toBeUndefined();
    expect(manifestFileError('manifest.JSON', 20, 1000)).toBeUndefined();
    expect(manifestFileError('icon.png', 20, 1000)).toMatch(/neither manifest.json nor an app package/);
    expect(manifestFileError('m.json', 0, 1000)).toMatch(/empty/);
    expect(manifestFileError('big.zip', 5_000_000, 1024 * 1024)).toMatch(/larger than 1 MB/);
  });
});
