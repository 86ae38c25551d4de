import { copyFileSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
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

/**
 * The single file for locked-down bot hosts: `npm run build:single` builds botflow.mjs; it is
 * copied alone into an empty folder with no node_modules in or above it and run there with plain
 * Node.js: --version, manifest, endpoint against a real Bot Framework SDK bot, allowlist.
 * resolve-guard fails any import or require that resolves outside that folder (and is shown to
 * catch one).
 */

let out: string;
let host: string;
let inputs: string;
let log: string;
let buildOutput: string;
let env: Record<string, string>;
let bot: RealBot;
let caFile: string;

beforeAll(async () => {
  out = emptyFolder('botflow-single-out-');
  buildOutput = await npmRun('build:single', ['--out', out]);
  host = emptyFolder('botflow-host-');
  copyFileSync(path.join(out, 'botflow.mjs'), path.join(host, 'botflow.mjs'));
  inputs = emptyFolder('botflow-inputs-');
  log = path.join(inputs, 'resolve-guard.log');
  env = cleanEnv({ home: inputs, allowedDir: host, log });
  writeFileSync(path.join(inputs, 'app.zip'), buildPackage(sample('bot-sso', '1.30')));
  const broken = sample('bot-sso', '1.30');
  (broken.bots as Array<Record<string, unknown>>)[0]!.scopes = ['groupchat'];
  writeFileSync(path.join(inputs, 'broken.json'), JSON.stringify(broken));
  caFile = path.join(inputs, 'test-root.pem');
  writeFileSync(caFile, (await testPki()).caPem);
  bot = await startBotWithWorld({ sdk: 'botbuilder', mode: 'authenticated', nodeEnv: 'production' });
}, 300_000);

afterAll(async () => {
  await bot?.close();
  for (const dir of [out, host, inputs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const botflow = (args: readonly string[]): Promise<Run> => run(process.execPath, ['botflow.mjs', ...args], { cwd: host, env, timeoutMs: 60_000 });

describe('botflow as a single file (npm run build:single)', () => {
  it('build:single prints the size and SHA-256 of the file, and its .sha256 file matches', () => {
    const file = path.join(out, 'botflow.mjs');
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(buildOutput).toContain(`sha256 ${sha}`);
    expect(buildOutput).toMatch(new RegExp(`${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`));
    expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(`${sha}  botflow.mjs\n`);
    expect(statSync(file).mode & 0o111).not.toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    // The licences of what it bundles close the file; the server (fastify) is not among them.
    expect(text).toMatch(/^undici@\d+\.\d+\.\d+ \(MIT\)$/m);
    expect(text).not.toMatch(/^fastify@/m);
  });

  it('is reproducible: building the same sources again gives the same checksum', async () => {
    const again = emptyFolder('botflow-single-again-');
    try {
      const second = await npmRun('build:single', ['--out', again]);
      expect(/sha256 ([0-9a-f]{64})/.exec(second)?.[1]).toBe(/sha256 ([0-9a-f]{64})/.exec(buildOutput)?.[1]);
      expect(readFileSync(path.join(again, 'botflow.mjs')).equals(readFileSync(path.join(out, 'botflow.mjs')))).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('--version prints the version and where the docs are', async () => {
    const r = await botflow(['--version']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`botflow ${TOOL_VERSION}\nDocs: http://localhost:3000/docs/self-checks/`)).toBe(true);
  });

  it('manifest checks an app package offline against the bundled schemas', async () => {
    const good = await botflow(['manifest', path.join(inputs, 'app.zip'), '--app-id', BOT_ID, '--format', 'json']);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const report = JSON.parse(good.stdout) as Report;
    expect(report.results.find((r) => r.id === 'manifest-schema')?.status).toBe('pass');
    expect(report.results.find((r) => r.id === 'manifest-icons')?.status).toBe('pass');
    const bad = await botflow(['manifest', path.join(inputs, 'broken.json'), '--format', 'junit']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/<testcase [^>]*name="manifest-bot-scopes:[^"]*"[^>]*>\s*<failure/);
  });

  it('endpoint passes against the real Bot Framework SDK bot', async () => {
    const r = await botflow(['endpoint', bot.url, '--app-id', bot.appId, '--allow-private', '--ca', caFile, '--timeout', '5000', '--format', 'json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.results.map((r) => r.id)).toEqual(endpointSuite.checks.map((c) => c.meta.id));
    expect(report.results.filter((x) => x.status === 'fail' || x.status === 'error')).toEqual([]);
    expect(report.results.find((x) => x.id === 'auth-forged-token')?.status).toBe('pass');
    expect(r.code).toBe(0);
  });

  it('allowlist prints the outbound allowlist of a cloud', async () => {
    const r = await botflow(['allowlist', '--cloud', 'gcch', '--calling', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { cloud: string; rows: Array<{ host: string }> };
    expect(list.cloud).toBe('gcch');
    expect(list.rows.map((row) => row.host)).toContain('login.botframework.azure.us');
  });

  it('has no server: serve says where the site and the API are instead', async () => {
    const r = await botflow(['serve', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^botflow: serve is not part of the single file: .*npm run pack:cli.*botflow serve/);
    expect(r.stdout).toBe('');
  });

  it('loaded nothing from outside its folder, which still holds only the file', () => {
    const lines = guardLog(log);
    expect(lines.filter((l) => !l.startsWith('ok '))).toEqual([]);
    expect(lines).toContain(`ok import ${new URL(`file://${host}/botflow.mjs`).href} -> file://${host}/botflow.mjs`);
    expect(lines.filter((l) => / -> (file:\/\/)?\//.test(l)).every((l) => l.includes(`${host}/botflow.mjs`))).toBe(true);
    expect(readdirSync(host)).toEqual(['botflow.mjs']);
  });

  it('resolve-guard fails a run whose import resolves outside the folder', async () => {
    const elsewhere = emptyFolder('botflow-elsewhere-');
    try {
      writeFileSync(path.join(elsewhere, 'dep.mjs'), 'export default 1;\n');
      writeFileSync(path.join(host, 'probe.mjs'), `await import(${JSON.stringify(new URL(`file://${elsewhere}/dep.mjs`).href)});\n`);
      const probeLog = path.join(inputs, 'probe.log');
      const r = await run(process.execPath, ['probe.mjs'], { cwd: host, env: cleanEnv({ home: inputs, allowedDir: host, log: probeLog }) });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('resolved to');
      expect(guardLog(probeLog)).toContain(`OUTSIDE import file://${elsewhere}/dep.mjs -> file://${elsewhere}/dep.mjs`);
    } finally {
      rmSync(path.join(host, 'probe.mjs'), { force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
