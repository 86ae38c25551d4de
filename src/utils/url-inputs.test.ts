import { describe, expect, it } from 'vitest';
import { readInputs, secretLookingField, URL_PARAMS, writeInputs } from './url-inputs';

describe('widget inputs in the page address', () => {
  it('round-trips the endpoint inputs and keeps other parameters', () => {
    const search = writeInputs('?other=1', URL_PARAMS.endpoint, { url: 'https://bot.example.com/api/messages?x=1&y=2', appId: ' 1b2c3d4e-0000-4000-8000-000000000001 ', callingWebhook: '' });
    expect(search).toBe('?other=1&endpoint=https%3A%2F%2Fbot.example.com%2Fapi%2Fmessages%3Fx%3D1%26y%3D2&app-id=1b2c3d4e-0000-4000-8000-000000000001');
    expect(readInputs(search, URL_PARAMS.endpoint)).toEqual({ url: 'https://bot.example.com/api/messages?x=1&y=2', appId: '1b2c3d4e-0000-4000-8000-000000000001' });
  });

  it('removes inputs that were cleared, and returns nothing when nothing is left', () => {
    expect(writeInputs('?endpoint=https%3A%2F%2Fa.example%2F', URL_PARAMS.endpoint, { url: '' })).toBe('');
  });

  it('never keeps a value longer than the limit', () => {
    expect(writeInputs('', URL_PARAMS.residency, { serviceUrl: `https://a.example/${'x'.repeat(20_000)}` })).toBe('');
    expect(readInputs(`?service-url=${'x'.repeat(20_000)}`, URL_PARAMS.residency)).toEqual({});
  });

  it('spots a secret-looking field with a value anywhere in a JSON document', () => {
    expect(secretLookingField(JSON.stringify({ properties: { msaAppId: 'x', developerAppInsightsApiKey: null } }))).toBeUndefined();
    expect(secretLookingField(JSON.stringify({ properties: { msaAppId: 'x', appPassword: 'p@ss' } }))).toBe('appPassword');
    expect(secretLookingField(JSON.stringify({ a: [{ b: { client_secret: 'x' } }] }))).toBe('client_secret');
    expect(secretLookingField(JSON.stringify({ properties: { luisKey: '' } }))).toBeUndefined();
    expect(secretLookingField(JSON.stringify({ properties: { developerAppInsightKey: 'abc' } }))).toBe('developerAppInsightKey');
    expect(secretLookingField('{not json')).toBeUndefined();
  });
});
