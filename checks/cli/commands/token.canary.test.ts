/**
 * Secrets never leave: every botflow command runs with canary values in every place a secret or
 * token can come from (BOTFLOW_CLIENT_SECRET, BOTFLOW_ARM_TOKEN, BOTFLOW_GRAPH_TOKEN, standard
 * input), in-process and once as a spawned process, against look-alike servers that accept them
 * (and one that echoes the secret back). All of stdout, stderr and written report files are
 * searched for the canaries and for every access token the look-alike Entra ID issued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildProgram } from '../main';
import { runCli, type CliRun } from '../../testing/cli';
import { startArmMock } from '../../testing/azure-mocks/arm-server';
import { BOTFRAMEWORK_TENANT_ID, startEntraMock } from '../../testing/azure-mocks/entra-server';
import { applicationResource, passwordCredential, startGraphMock } from '../../testing/azure-mocks/graph-server';
import type { MockServer } from '../../testing/azure-mocks/http';
import { manifestJson, tempDir, type TempDir } from '../../testing/azure-mocks/files';
import { APP_ID, BOT_NAME, botResource, RESOURCE_GROUP, SUBSCRIPTION, TENANT_ID, teamsChannelResource } from '../../testing/azure-mocks/fixtures';

const CANARY_SECRET = 'CANARY-client-secret-7f3a9c1e5b';
const CANARY_ARM = 'CANARY-arm-token-2d8e6b4a0c';
const CANARY_GRAPH = 'CANARY-graph-token-9e1c7a3f5d';
const CANARY_STDIN = 'CANARY-stdin-secret-4b6d8f0a2c';
const CANARY_SDK = 'CANARY-MicrosoftAppPassword-6c0e2a4b8d';
const CANARIES = [CANARY_SECRET, CANARY_ARM, CANARY_GRAPH, CANARY_STDIN, CANARY_SDK];
const issued: string[] = [];
const servers: MockServer[] = [];
let dir: TempDir;
let env: Record<string, string>;
const f: Record<string, string> = {};

beforeAll(async () => {
  const apps = [{ clientId: APP_ID, secrets: [{ value: CANARY_SECRET, keyId: '0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f' }, { value: CANARY_STDIN, keyId: '1a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f' }] }];
  const entra = await startEntraMock({ issued, tenants: [{ names: [TENANT_ID], id: TENANT_ID, apps }, { names: ['botframework.com'], id: BOTFRAMEWORK_TENANT_ID, apps }] });
  const leaky = await startEntraMock({ echoSecret: true, tenants: [{ names: [TENANT_ID], id: TENANT_ID, apps: [{ clientId: APP_ID, secrets: [] }] }] });
  const arm = await startArmMock({ token: CANARY_ARM, bots: [{ subscription: SUBSCRIPTION, resourceGroup: RESOURCE_GROUP, name: BOT_NAME, bot: botResource(), channels: { MsTeamsChannel: teamsChannelResource() } }] });
  const graph = await startGraphMock({ token: CANARY_GRAPH, applications: [applicationResource(APP_ID, { passwordCredentials: [passwordCredential('prod', '2030-01-01T00:00:00Z')] })] });
  servers.push(entra, leaky, arm, graph);
  dir = await tempDir();
  f.bot = await dir.write('bot.json', botResource());
  f.channel = await dir.write('channel.json', teamsChannelResource());
  f.manifest = await dir.write('manifest.json', manifestJson(APP_ID));
  f.broken = await dir.write('broken.json', '{ "properties": ');
  f.leakyLogin = leaky.url;
  env = {
    BOTFLOW_CLIENT_SECRET: CANARY_SECRET,
    BOTFLOW_ARM_TOKEN: CANARY_ARM,
    BOTFLOW_GRAPH_TOKEN: CANARY_GRAPH,
    MicrosoftAppPassword: CANARY_SDK,
    BOTFLOW_LOGIN_URL: entra.url,
    BOTFLOW_ARM_URL: arm.url,
    BOTFLOW_GRAPH_URL: graph.url,
  };
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await dir.remove();
});

const live = ['--subscription', SUBSCRIPTION, '--resource-group', RESOURCE_GROUP, '--name', BOT_NAME];

/** Invocations per command. */
function scenarios(command: string): string[][] {
  const out = (name: string): string[] => ['--output', join(dir.path, `${command}-${name}.out`)];
  switch (command) {
    case 'registration':
      return [
        ['registration', f.bot!, '--channel', f.channel!, '--manifest', f.manifest!],
        ['registration', f.bot!, '--format', 'json', ...out('file')],
        ['registration', f.broken!],
        ['registration', ...live, '--format', 'json'],
        ['registration', ...live, '--token-stdin', '--format', 'markdown', ...out('stdin')],
        ['registration', ...live, `--token=${CANARY_ARM}`],
        ['registration', ...live, '--arm-token', CANARY_ARM],
      ];
    case 'all':
      return [
        ['all', '--bot', f.bot!, '--manifest', f.manifest!, '--no-probe', '--format', 'json'],
        ['all', ...live, '--manifest', f.manifest!, '--no-probe', '--format', 'sarif', ...out('live')],
        ['all', ...live, '--no-probe', '--token-stdin'],
        ['all', '--bot', f.bot!, `--secret=${CANARY_SECRET}`],
      ];
    case 'token':
      return [
        ['token', '--bot', f.bot!],
        ['token', '--bot', f.bot!, '--format', 'json', '--graph'],
        ['token', '--bot', f.bot!, '--secret-stdin', '--graph'],
        ['token', '--app-id', APP_ID, '--app-type', 'MultiTenant', '--format', 'json'],
        ['token', '--bot', f.bot!, '--login-url', f.leakyLogin!],
        ['token', '--bot', f.bot!, '--login-url', f.leakyLogin!, '--format', 'json'],
        ['token', '--bot', f.bot!, `--client-secret=${CANARY_SECRET}`],
        ['token', '--bot', f.bot!, '--password', CANARY_SECRET],
      ];
    default:
      // Other suites' commands read no secrets; they run without touching the network here
      // (help, and a usage error caught before any probe).
      return [[command, '--help'], [command, '--format', 'not-a-format']];
  }
}

function leaks(text: string): string[] {
  return [...CANARIES, ...issued].filter((s) => text.includes(s));
}

async function writtenFiles(): Promise<string> {
  const names = (await readdir(dir.path)).filter((n) => n.endsWith('.out'));
  const texts = await Promise.all(names.map((n) => readFile(join(dir.path, n), 'utf8')));
  return texts.join('\n');
}

describe('no secret ever appears in output', () => {
  it('covers every registered command', async () => {
    const names = (await buildProgram({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: '.', readStdin: async () => undefined }, () => {}))
      .commands.map((c) => c.name());
    expect(names).toEqual(expect.arrayContaining(['registration', 'all', 'token']));
    expect(names.filter((n) => n !== 'serve').flatMap(scenarios).length).toBeGreaterThan(names.length);
  });

  it('in-process: every command, secrets in env and stdin', async () => {
    const names = (await buildProgram({ stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: '.', readStdin: async () => undefined }, () => {}))
      .commands.map((c) => c.name());
    const runs: Array<{ argv: string[]; run: CliRun }> = [];
    for (const name of names) {
      for (const argv of scenarios(name)) {
        const run = await runCli(argv, { env, stdin: `${CANARY_STDIN}\n`, cwd: dir.path });
        runs.push({ argv, run });
      }
    }
    for (const { argv, run } of runs) {
      expect(leaks(run.stdout + run.stderr), `botflow ${argv.join(' ')}`).toEqual([]);
    }
    expect(leaks(await writtenFiles())).toEqual([]);
    // The runs did use the secrets: tokens were issued and ARM/Graph were read.
    expect(issued.length).toBeGreaterThanOrEqual(4);
    expect(runs.some(({ argv, run }) => argv[0] === 'registration' && argv.includes('--subscription') && run.code === 0)).toBe(true);
    expect(runs.some(({ argv, run }) => argv[0] === 'token' && argv.includes('--graph') && run.code === 0 && run.stdout.includes('"graph"'))).toBe(true);
    expect(runs.filter(({ argv }) => argv.some((a) => a.includes('--login-url'))).every(({ run }) => run.stdout.includes('[redacted]'))).toBe(true);
  }, 60_000);

  describe('spawned', () => {
    let entry: string;
    const cacheDir = fileURLToPath(new URL(`../../../node_modules/.cache/botflow-canary-${process.pid}/`, import.meta.url));
    beforeAll(async () => {
      await mkdir(cacheDir, { recursive: true });
      await build({
        entryPoints: [fileURLToPath(new URL('../main.ts', import.meta.url))],
        outfile: join(cacheDir, 'cli.mjs'),
        bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent',
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      });
      entry = join(cacheDir, 'entry.mjs');
      await writeFile(entry, "const { main } = await import('./cli.mjs');\nconst code = await main(process.argv.slice(2));\nprocess.exitCode = code;\nsetTimeout(() => process.exit(code), 50).unref();\n");
    }, 60_000);
    afterAll(async () => {
      await rm(cacheDir, { recursive: true, force: true });
    });

    it('a real process getting a token, reading ARM and Graph, and talking to an echoing endpoint leaks nothing', async () => {
      const runs: Array<{ argv: string[]; code: number; out: string }> = [];
      for (const argv of [
        ['token', '--bot', f.bot!, '--graph', '--format', 'json'],
        ['token', '--bot', f.bot!, '--login-url', f.leakyLogin!],
        ['registration', ...live, '--token-stdin'],
      ]) {
        const r = await new Promise<{ code: number; out: string }>((resolve, reject) => {
          const child = spawn(process.execPath, [entry, ...argv], { env: { PATH: process.env.PATH ?? '', ...env }, cwd: dir.path, stdio: ['pipe', 'pipe', 'pipe'] });
          let out = '';
          child.stdout.on('data', (d: Buffer) => { out += d.toString('utf8'); });
          child.stderr.on('data', (d: Buffer) => { out += d.toString('utf8'); });
          const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`botflow ${argv.join(' ')} hung`)); }, 20_000);
          child.on('error', reject);
          child.on('close', (code) => { clearTimeout(timer); resolve({ code: code ?? -1, out }); });
          child.stdin.end(`${CANARY_ARM}\n`);
        });
        runs.push({ argv, ...r });
      }
      expect(runs.map((r) => r.code)).toEqual([0, 1, 0]);
      for (const r of runs) expect(leaks(r.out), `botflow ${r.argv.join(' ')}`).toEqual([]);
      expect(runs[1]!.out).toContain('[redacted]');
    }, 60_000);
  });
});
