import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../checks/core/version';
import type { Report } from '../checks/core/types';
import { endpointSuite } from '../checks/suites/endpoint';
import { testPki } from '../checks/testing/certs';
import { BOT_ID, sample } from '../checks/testing/manifests/corpus';
import { buildPackage } from '../checks/testing/manifests/package';
import { startBotWithWorld, type RealBot } from '../checks/testing/bots/start-bot';
import { cleanEnv, emptyFolder, guardLog, npmRun, run, type Run } from './helpers/install';
import { buildDir } from './helpers/site';

/**
 * The installable package as a user gets it: `npm run pack:cli` builds botflow-<version>.tgz
 * from checks/ and the built site; it is installed with `npm install -g --prefix` into an empty
 * folder, offline (it declares no dependencies), and the installed `botflow` command is run from
 * another empty folder: --version, manifest on an app package, endpoint against the real SDK
 * bot, and serve answering /api/health and a docs page. Nothing may be loaded from outside the
 * prefix (resolve-guard).
 */

let out: string;
let prefix: string;
let work: string;
let inputs: string;
let log: string;
let tarball: string;
let packOutput: string;
let installed: string;
let env: Record<string, string>;
let bot: RealBot;
let anonymousBot: RealBot;
let caFile: string;

beforeAll(async () => {
  out = emptyFolder('botflow-pack-out-');
  packOutput = await npmRun('pack:cli', ['--out', out, '--site', buildDir()], 240_000);
  tarball = path.join(out, `botflow-${TOOL_VERSION}.tgz`);
  prefix = emptyFolder('botflow-prefix-');
  work = emptyFolder('botflow-work-');
  inputs = emptyFolder('botflow-inputs-');
  log = path.join(inputs, 'resolve-guard.log');
  const npm = await run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: work,
    env: { PATH: process.env.PATH ?? '', HOME: inputs, npm_config_cache: path.join(inputs, 'npm-cache') },
    timeoutMs: 180_000,
  });
  if (npm.code !== 0) throw new Error(`npm install -g of the tarball failed (${npm.code}):\n${npm.stderr.slice(-4000)}`);
  installed = path.join(prefix, 'lib', 'node_modules', 'teams-bot-flow');
  env = cleanEnv({ home: inputs, allowedDir: prefix, log });
  writeFileSync(path.join(inputs, 'app.zip'), buildPackage(sample('bot-sso', '1.30')));
  writeFileSync(path.join(inputs, 'nested.zip'), buildPackage(sample('bot-sso', '1.30'), { folder: 'appPackage' }));
  caFile = path.join(inputs, 'test-root.pem');
  writeFileSync(caFile, (await testPki()).caPem);
  bot = await startBotWithWorld({ sdk: 'botbuilder', mode: 'authenticated', nodeEnv: 'production' });
  anonymousBot = await startBotWithWorld({ sdk: 'botbuilder', mode: 'anonymous', nodeEnv: 'production' });
}, 600_000);

afterAll(async () => {
  await bot?.close();
  await anonymousBot?.close();
  for (const dir of [out, prefix, work, inputs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const BIN = (): string => path.join(prefix, 'bin', 'botflow');
const botflow = (args: readonly string[]): Promise<Run> => run(BIN(), args, { cwd: work, env, timeoutMs: 60_000 });

describe('botflow package (npm run pack:cli, installed from the tarball)', () => {
  it('pack:cli prints the tarball, its size and its SHA-256', () => {
    expect(packOutput).toContain(`botflow-${TOOL_VERSION}.tgz`);
    const sha = /sha256 ([0-9a-f]{64})/.exec(packOutput)?.[1];
    expect(sha).toBeDefined();
    expect(readFileSync(`${tarball}.sha256`, 'utf8')).toBe(`${sha}  botflow-${TOOL_VERSION}.tgz\n`);
  });

  it('installs the command, the CLI bundle and the built site, and no dependency', () => {
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'teams-bot-flow', version: TOOL_VERSION, bin: { botflow: 'bin/botflow.cjs' }, private: true });
    expect(manifest.dependencies).toBeUndefined();
    expect(existsSync(path.join(installed, 'node_modules'))).toBe(false);
    expect(readdirSync(path.join(prefix, 'lib', 'node_modules'))).toEqual(['teams-bot-flow']);
    expect(existsSync(path.join(installed, 'build', 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(installed, 'build', 'schemas', 'report-v1.schema.json'), 'utf8'))).toMatchObject({ title: expect.any(String) });
    expect(existsSync(path.join(installed, 'dist', 'cli.mjs'))).toBe(true);
    expect(readFileSync(path.join(installed, 'THIRD-PARTY-NOTICES.txt'), 'utf8')).toMatch(/^fastify@\d+\.\d+\.\d+ \(MIT\)$/m);
  });

  it('botflow --version prints the version and where the docs are', async () => {
    const r = await botflow(['--version']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`botflow ${TOOL_VERSION}\nDocs: http://localhost:3000/docs/self-checks/`)).toBe(true);
    expect(r.stdout).toContain(path.join(installed, 'build'));
  });

  it('botflow manifest checks an app package: exit 0 for a good one, 1 for a zip with an enclosing folder', async () => {
    const good = await botflow(['manifest', path.join(inputs, 'app.zip'), '--app-id', BOT_ID, '--format', 'json']);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const report = JSON.parse(good.stdout) as Report;
    expect(report).toMatchObject({ suite: 'manifest', tool: { name: 'botflow', version: TOOL_VERSION }, target: { kind: 'package' } });
    expect(report.results.find((r) => r.id === 'manifest-schema')?.status).toBe('pass');
    const nested = await botflow(['manifest', path.join(inputs, 'nested.zip'), '--format', 'json']);
    expect(nested.code).toBe(1);
    expect((JSON.parse(nested.stdout) as Report).results.find((r) => r.id === 'manifest-package-layout')?.status).toBe('fail');
  });

  it('botflow endpoint passes against the real Bot Framework SDK bot and fails against one without authentication', async () => {
    const secure = await botflow(['endpoint', bot.url, '--app-id', bot.appId, '--allow-private', '--ca', caFile, '--timeout', '5000', '--format', 'json']);
    expect(secure.stderr).toBe('');
    const report = JSON.parse(secure.stdout) as Report;
    expect(report.results.map((r) => r.id)).toEqual(endpointSuite.checks.map((c) => c.meta.id));
    expect(report.results.filter((r) => r.status === 'fail' || r.status === 'error')).toEqual([]);
    expect(secure.code).toBe(0);
    const open = await botflow(['endpoint', anonymousBot.url, '--allow-private', '--ca', caFile, '--timeout', '5000', '--format', 'sarif', '--quiet']);
    expect(open.code).toBe(1);
    const sarif = JSON.parse(open.stdout) as { runs: Array<{ results: Array<{ ruleId: string; level: string }> }> };
    expect(sarif.runs[0]?.results).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'auth-missing-token', level: 'error' })]));
  });

  it('botflow serve serves the shipped site and the API from an empty working folder', async () => {
    const child: ChildProcess = spawn(BIN(), ['serve', '--port', '0', '--log-level', 'silent'], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`serve did not start within 30 s:\n${stderr}`)), 30_000);
        child.stderr!.on('data', (d: Buffer) => {
          stderr += d.toString('utf8');
          const m = /serving the site and the API on (http:\/\/\S+) /.exec(stderr);
          if (m) { clearTimeout(timer); resolve(m[1] as string); }
        });
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited with ${code}:\n${stderr}`)); });
      });
      const health = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(10_000) });
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', version: TOOL_VERSION, mode: 'production', allowPrivate: false });
      const page = await fetch(`${origin}/docs/self-checks/`, { signal: AbortSignal.timeout(10_000) });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toMatch(/<title[^>]*>Check your own bot/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM received, stopping.');
  });

  it('loaded every module from the installed package or Node.js itself', () => {
    const lines = guardLog(log);
    expect(lines.filter((l) => !l.startsWith('ok '))).toEqual([]);
    expect(lines).toEqual(expect.arrayContaining([expect.stringContaining(`${installed}/dist/cli.mjs`), expect.stringMatching(/dist\/chunks\/.+\.mjs$/)]));
  });
});
