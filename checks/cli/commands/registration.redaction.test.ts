/**
 * `botflow registration` and `botflow all` in live mode against an ARM look-alike that echoes
 * the bearer token back in its error message (as it is, JSON-escaped, URL-encoded, in base64):
 * no form of the token reaches the report, in any format.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli';
import { RESOURCE_GROUP, SUBSCRIPTION, BOT_NAME } from '../../testing/azure-mocks/fixtures';

const TOKEN = 'eyJ0eXAi.Arm"Token\\with-quote.CANARY_4f2d9a';
const forms = (s: string): string[] => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s), Buffer.from(s).toString('base64'), s.toLowerCase()];

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const [raw, json, uri, b64] = forms(token);
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'AuthorizationFailed', message: `Token ${raw} (${json}; ${uri}; ${b64}) may not read this.` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => { await new Promise<void>((resolve) => server.close(() => resolve())); });

const live = ['--subscription', SUBSCRIPTION, '--resource-group', RESOURCE_GROUP, '--name', BOT_NAME];

describe('live mode never prints the ARM token in any form', () => {
  it.each([
    ['registration', 'json'], ['registration', 'text'], ['registration', 'sarif'],
    ['all', 'json'], ['all', 'markdown'],
  ])('botflow %s --format %s', async (command, format) => {
    const args = command === 'all' ? ['all', ...live, '--no-probe', '--format', format] : ['registration', ...live, '--format', format];
    const run = await runCli(args, { env: { BOTFLOW_ARM_TOKEN: TOKEN, BOTFLOW_ARM_URL: url } });
    const out = run.stdout + run.stderr;
    expect(out).toMatch(/AuthorizationFailed|may not read/);
    for (const form of forms(TOKEN)) expect(out).not.toContain(form);
  });
});
