/**
 * DNS-rebinding guard: while private targets are allowed, a request addressed to another name
 * (what a rebinding page's requests carry) is refused before anything runs.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hostNameOf, isHostAllowed } from './host-guard';
import { startApi } from '../testing/api-server';

function get(base: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(url.port), path, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Host guard', () => {
  it('refuses foreign Host names when private targets are allowed', async () => {
    const api = await startApi({ mode: 'development', allowedHosts: ['bot-lab.internal'] });
    try {
      const port = new URL(api.base).port;
      const refused = await get(api.base, '/api/health', `rebind.attacker.example:${port}`);
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({ code: 'CHK_ERR_HOST_REFUSED' });
      expect(refused.body).toMatch(/only answers requests addressed to localhost/);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `app.localhost:${port}`, `bot-lab.internal:${port}`]) {
        expect((await get(api.base, '/api/health', host)).status).toBe(200);
      }
    } finally {
      await api.close();
    }
  });

  it('does not apply when private targets are refused anyway', async () => {
    const api = await startApi({ mode: 'production' });
    try {
      expect((await get(api.base, '/api/health', 'checks.contoso.com')).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('parses Host header values', () => {
    expect(hostNameOf('LocalHost:3000')).toBe('localhost');
    expect(hostNameOf('[::1]:3000')).toBe('::1');
    expect(hostNameOf('example.com.')).toBe('example.com');
    expect(hostNameOf(undefined)).toBeUndefined();
    expect(isHostAllowed('127.0.0.2:80', [])).toBe(true);
    expect(isHostAllowed('10.0.0.5:3000', [])).toBe(false);
    expect(isHostAllowed('localhost.attacker.example', [])).toBe(false);
    expect(isHostAllowed(undefined, [])).toBe(false);
  });
});
