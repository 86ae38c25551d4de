/**
 * Logs never hold request bodies, tokens or secrets: requests carrying a canary in every place
 * a client can put one, then the captured log stream is searched for it.
 */
import { describe, expect, it } from 'vitest';
import { createLogger, pathOnly, serializeError } from './logging';
import { captureLogs, call, postRun, startApi } from '../testing/api-server';

const CANARY = 'CANARY-7f3a9c1e-do-not-log';

describe('request logs', () => {
  it('hold no canary from bodies, fields, headers or query strings', async () => {
    const api = await startApi({ mode: 'production', rateLimit: { max: 100, timeWindowMs: 60_000 } });
    try {
      const secretHeaders = {
        authorization: `Bearer ${CANARY}`,
        cookie: `session=${CANARY}`,
        'x-api-key': CANARY,
        'x-custom': CANARY,
        'user-agent': `agent ${CANARY}`,
        referer: `https://example.com/?t=${CANARY}`,
      };
      const answers = await Promise.all([
        // A legitimate run whose documents carry the canary.
        postRun(api.base, { suite: 'manifest', input: { manifest: JSON.stringify({ manifestVersion: '1.17', name: { short: CANARY } }) } }, { headers: secretHeaders, accept: 'application/json' }),
        postRun(api.base, { suite: 'registration', input: { bot: JSON.stringify({ properties: { msaAppId: CANARY, description: CANARY } }) } }, { headers: secretHeaders }),
        // Refused requests: secret fields, unknown fields, malformed JSON, secrets in URLs.
        postRun(api.base, { suite: 'endpoint', input: { url: 'https://52.1.2.3/api/messages', password: CANARY } }, { headers: secretHeaders }),
        postRun(api.base, { suite: 'residency', input: { serviceUrl: 'https://smba.trafficmanager.net/emea/', note: CANARY } }, { headers: secretHeaders }),
        postRun(api.base, `{"suite":"residency","input":{"serviceUrl":"${CANARY}`, { headers: secretHeaders }),
        postRun(api.base, { suite: 'endpoint', input: { url: `https://52.1.2.3/api/messages?code=${CANARY}` } }, { headers: secretHeaders }),
        postRun(api.base, { suite: 'endpoint', input: { url: `https://user:${CANARY}@52.1.2.3/api/messages` } }, { headers: secretHeaders }),
        postRun(api.base, { suite: 'manifest', input: { manifest: CANARY.repeat(20_000) } }, { headers: secretHeaders }),
        call(api.base, `/api/health?token=${CANARY}`, { headers: secretHeaders }),
        call(api.base, `/api/${CANARY}`, { headers: secretHeaders }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 400, 400, 400, 400, 400, 413, 200, 404]);
      // Refusals do not echo what was sent either.
      for (const a of answers.slice(2)) expect(a.text).not.toContain(CANARY);
      await new Promise((r) => setTimeout(r, 50));
      const logs = api.logs.text();
      expect(api.logs.lines.length).toBeGreaterThan(10);
      // The logs say what happened: one line per request, with status and path.
      const requests = api.logs.lines.map((l) => JSON.parse(l) as { msg: string; statusCode?: number; route?: string }).filter((l) => l.msg === 'request');
      expect(requests).toHaveLength(10);
      expect(requests.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 400, 400, 400, 400, 400, 404, 413]);
      expect(requests.filter((r) => r.route === '/api/health')).toHaveLength(1);
      expect(requests.filter((r) => r.route === '/api/runs')).toHaveLength(8);
      expect(requests.filter((r) => r.route === 'unmatched /api')).toHaveLength(1);
      expect(logs).not.toContain(CANARY);
      expect(logs).not.toContain('7f3a9c1e');
    } finally {
      await api.close();
    }
  });
});

describe('log helpers', () => {
  it('pathOnly drops the query and fragment', () => {
    expect(pathOnly('/api/health?token=x#y')).toBe('/api/health');
    expect(pathOnly(undefined)).toBe('/');
  });

  it('serializeError keeps foreign messages out and drops the first stack line', () => {
    const parseError = Object.assign(new SyntaxError(`Unexpected token in JSON: ${CANARY}`), { statusCode: 400 });
    expect(JSON.stringify(serializeError(parseError))).not.toContain(CANARY);
    const fault = new Error(`boom ${CANARY}`);
    const out = serializeError(fault);
    expect(JSON.stringify(out)).not.toContain(CANARY);
    expect(out.stack).toMatch(/at /);
  });

  it('redacts secret-looking paths even when code logs them', () => {
    const capture = captureLogs();
    const log = createLogger({ stream: capture.stream });
    log.info({ req: { headers: { authorization: CANARY, cookie: CANARY } }, body: CANARY, input: { url: CANARY }, x: { token: CANARY, password: CANARY } }, 'test');
    expect(capture.text()).not.toContain(CANARY);
    expect(capture.text()).toContain('[redacted]');
  });
});
