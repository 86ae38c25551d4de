import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../core/types';
import { runCli } from '../testing/cli';
import { testPki } from '../testing/certs';
import { manifestJson, tempDir, type TempDir } from '../testing/azure-mocks/files';
import { APP_ID } from '../testing/azure-mocks/fixtures';
import { handlers, startServer, type TestServer } from '../testing/servers';

/**
 * `--timeout` means the same in every command: the cap on each network step of a probe. The
 * server below answers each step well inside 1000 ms (headers after STEP_MS, the body STEP_MS
 * later), so a probe as a whole takes longer than 1000 ms while no step does.
 */
const STEP_MS = 600;

let dir: TempDir;
let server: TestServer;
let ca: string;
let manifest: string;
beforeAll(async () => {
  dir = await tempDir();
  ca = await dir.write('ca.pem', (await testPki()).caPem);
  manifest = await dir.write('manifest.json', manifestJson(APP_ID));
  server = await startServer({ tls: { kind: 'good' }, handler: handlers.slowInSteps(STEP_MS) });
});
afterAll(async () => {
  await server?.close();
  await dir?.remove();
});

async function statuses(argv: string[]): Promise<{ code: number; byId: Record<string, string>; stderr: string }> {
  const run = await runCli([...argv, '--format', 'json']);
  const report = run.stdout ? (JSON.parse(run.stdout) as Report) : undefined;
  return { code: run.code, stderr: run.stderr, byId: Object.fromEntries((report?.results ?? []).map((r) => [r.id, r.status])) };
}

describe('--timeout: one meaning, one set of bounds, in every command', () => {
  it('botflow all gives a probe as long as botflow endpoint does for the same --timeout (each step capped, not the probe)', async () => {
    const common = ['--allow-private', '--ca', ca, '--timeout', '1000'];
    const endpoint = await statuses(['endpoint', server.url, ...common]);
    const all = await statuses(['all', '--endpoint', server.url, ...common]);
    expect(endpoint.byId['auth-missing-token']).toBe('pass');
    expect(all.byId['auth-missing-token']).toBe('pass');
    for (const [id, status] of Object.entries(endpoint.byId)) expect([id, all.byId[id]]).toEqual([id, status]);
  }, 60_000);

  it('accepts the same smallest value in botflow all as in botflow endpoint (50 ms)', async () => {
    const all = await statuses(['all', '--manifest', manifest, '--timeout', '50']);
    expect(all.stderr).not.toMatch(/--timeout/);
    expect(all.code).not.toBe(2);
  });

  it.each([
    ['endpoint', ['endpoint', 'https://bot.contoso.com/api/messages']],
    ['all', ['all', '--endpoint', 'https://bot.contoso.com/api/messages']],
  ])('botflow %s refuses a value out of bounds with the same clear message, exit 2', async (_name, argv) => {
    for (const bad of ['49', '120001', '5s', '1.5']) {
      const run = await runCli([...argv, '--timeout', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`botflow: --timeout must be a whole number of milliseconds between 50 and 120000 (got "${bad}"): the limit for each network step of a probe (DNS, connect, TLS, response), e.g. --timeout 5000.\n`);
    }
  });
});
