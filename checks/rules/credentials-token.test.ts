import { runCheckTable } from '../testing/check-tester';
import check from './credentials-token';

const APP_ID = '8f6f3c2e-5b1a-4d7e-9c3b-2a1f0e9d8c7b';
const ENDPOINT = 'https://login.example/tenant/oauth2/v2.0/token';
const issued = { ok: true, tokenEndpoint: ENDPOINT, claims: { aud: 'https://api.botframework.com', appid: APP_ID }, expiresAt: '2026-06-01T13:00:00.000Z' };
const refused = (extra: Record<string, unknown>) => ({ outcome: { ok: false, tokenEndpoint: ENDPOINT, status: 401, errorCodes: [], ...extra } });
const advice = { code: 7000215, name: 'InvalidClientSecret', meaning: 'The secret is wrong.', advice: 'Use the secret value.' };

runCheckTable(check, {
  base: {
    BotToken: {
      appId: APP_ID, appType: 'SingleTenant', tenant: 'tenant', scope: 'https://api.botframework.com/.default',
      secretLooksLikeGuid: false, outcome: issued,
    },
  },
  valid: [
    { name: 'token issued', messageId: 'issued', data: { appId: APP_ID } },
  ],
  invalid: [
    { name: 'token for another audience', status: 'warn', messageId: 'otherAudience', evidence: { BotToken: { outcome: { claims: { aud: 'https://api.botframework.us' } } } }, data: { aud: 'https://api.botframework.us' } },
    { name: 'secret is a Secret ID (Graph)', status: 'warn', messageId: 'secretIsKeyId', evidence: { GraphRegistration: { appType: 'SingleTenant', application: { credentials: [] }, secretIsKeyIdOf: 'prod' } }, data: { name: 'prod' } },
    { name: 'refused with a known code', status: 'fail', messageId: 'refusedKnown', evidence: { BotToken: refused({ aadsts: 7000215, advice, error: 'invalid_client' }) }, data: { code: 7000215, name: 'InvalidClientSecret' } },
    { name: 'refused with an unknown code', status: 'fail', messageId: 'refusedCode', evidence: { BotToken: refused({ aadsts: 12345, error: 'invalid_request' }) }, data: { code: 12345, status: 401 } },
    { name: 'refused without a code', status: 'fail', messageId: 'refused', evidence: { BotToken: refused({ status: 400 }) }, data: { status: 400 } },
  ],
});
