/**
 * `botflow token` against a token endpoint that echoes the secret back in every form it can
 * take (raw, JSON-escaped, URL-encoded, lower-cased, hex, base64 at each alignment) in every
 * field it answers with: no form of it reaches the output, in JSON or text. The secret holds
 * `"` and `\`, which an exact-string replace after JSON serialisation used to miss.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../testing/cli';
import { tempDir, type TempDir } from '../../testing/azure-mocks/files';
import { botResource } from '../../testing/azure-mocks/fixtures';

const SECRET = 'Kq8"quoted\\back~slash.Secret_VALUE_0123456789';
const forms = (s: string): string[] => [
  s,
  JSON.stringify(s).slice(1, -1),
  encodeURIComponent(s),
  s.toLowerCase(),
  Buffer.from(s).toString('hex'),
  Buffer.from(s).toString('base64'),
  Buffer.from(`x${s}`).toString('base64'),
  Buffer.from(`xy${s}`).toString('base64url'),
];

let server: Server;
let url: string;
let dir: TempDir;
let botFile: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => { body += d.toString(); });
    req.on('end', () => {
      const secret = new URLSearchParams(body).get('client_secret') ?? '';
      const [raw, json, uri, lower, hex, b64, b64a, b64b] = forms(secret);
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        error: `invalid_client ${lower}`,
        error_description: `AADSTS7000215: Invalid client secret provided: ${raw} / ${json} / ${uri} / ${hex} / ${b64}\r\nTrace ID: x`,
        error_codes: [7000215],
        trace_id: b64a,
        correlation_id: b64b,
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  dir = await tempDir();
  botFile = await dir.write('bot.json', botResource());
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dir.remove();
});

describe('botflow token never prints the secret in any form', () => {
  it.each(['json', 'text'])('--format %s', async (format) => {
    const run = await runCli(['token', '--bot', botFile, '--format', format], { env: { BOTFLOW_LOGIN_URL: url, BOTFLOW_CLIENT_SECRET: SECRET } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('AADSTS7000215');
    expect(run.stdout).toContain('[redacted]');
    const out = run.stdout + run.stderr;
    for (const form of forms(SECRET)) expect(out).not.toContain(form);
    // And not JSON-escaped once more by the JSON report.
    expect(out).not.toContain(JSON.stringify(SECRET).slice(1, -1).replace(/\\/g, '\\\\'));
    if (format === 'json') expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });
});
