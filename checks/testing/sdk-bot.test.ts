import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeRequest } from '../gather/net';
import { forgedToken, probeActivity, PROBE_SERVICE_URL } from '../gather/teams-probe';
import { testPki } from './certs';
import { startSdkBot, type SdkBot } from './sdk-bot';

/**
 * Proves the harness: the real SDK bot accepts a token signed by the key its (local) OpenID
 * metadata publishes, and rejects the probes the auth checks send.
 */
describe('real Bot Framework SDK bot (CloudAdapter)', () => {
  let bot: SdkBot;
  let ca: string;
  beforeAll(async () => {
    bot = await startSdkBot();
    ca = (await testPki()).caPem;
  });
  afterAll(async () => { await bot.close(); });

  const post = (body: unknown, authorization?: string) => safeRequest(bot.url, {
    method: 'POST',
    ca,
    allowPrivate: true,
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
    timeouts: 5_000,
  });

  it('answers 200 to a correctly signed channel token and runs the bot logic', async () => {
    const activity = probeActivity('missing-token', new Date(), bot.appId);
    const token = await bot.openId.mintToken({ aud: bot.appId, serviceurl: activity.serviceUrl });
    const res = await post(activity, `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(bot.received.some((a) => a.serviceUrl === PROBE_SERVICE_URL && a.text?.includes('missing-token'))).toBe(true);
    expect(bot.openId.fetches.jwks).toBeGreaterThan(0);
  });

  it('answers 401 to the missing-token probe', async () => {
    const before = bot.received.length;
    const res = await post(probeActivity('missing-token', new Date(), bot.appId));
    expect(res.status).toBe(401);
    expect(bot.received.length).toBe(before);
  });

  it('answers 401 to the forged-token probe (right claims, untrusted key)', async () => {
    const activity = probeActivity('forged-token', new Date(), bot.appId);
    const { token } = await forgedToken({ appId: bot.appId, serviceUrl: activity.serviceUrl, now: new Date() });
    const before = bot.received.length;
    const res = await post(activity, `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(bot.received.length).toBe(before);
  });

  it('answers 401 to a trusted-key token whose serviceurl claim does not match the activity', async () => {
    const activity = probeActivity('forged-token', new Date(), bot.appId);
    const token = await bot.openId.mintToken({ aud: bot.appId, serviceurl: 'https://evil.example.com/' });
    const res = await post(activity, `Bearer ${token}`);
    expect(res.status).toBe(401);
  });

  it('answers 401 to a trusted-key token for another app id', async () => {
    const activity = probeActivity('forged-token', new Date(), bot.appId);
    const token = await bot.openId.mintToken({ aud: '99999999-9999-9999-9999-999999999999', serviceurl: activity.serviceUrl });
    const res = await post(activity, `Bearer ${token}`);
    expect(res.status).toBe(401);
  });
});

describe('real SDK bot without an app ID (anonymous mode)', () => {
  it('accepts the missing-token and forged-token probes with 200 and runs the bot logic', async () => {
    const anon = await startSdkBot({ anonymous: true });
    try {
      const ca = (await testPki()).caPem;
      const send = (body: unknown, authorization?: string) => safeRequest(anon.url, {
        method: 'POST', ca, allowPrivate: true, timeouts: 5_000, body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      });
      const missing = await send(probeActivity('missing-token', new Date()));
      const activity = probeActivity('forged-token', new Date());
      const { token } = await forgedToken({ serviceUrl: activity.serviceUrl, now: new Date() });
      const forged = await send(activity, `Bearer ${token}`);
      expect(missing.status).toBe(200);
      expect(forged.status).toBe(200);
      expect(anon.received).toHaveLength(2);
    } finally {
      await anon.close();
    }
  });
});
