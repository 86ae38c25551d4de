import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sample } from '../testing/manifests/corpus';
import { stdStream, type StdStreamDeps } from './stdio';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

class Gone extends Error {}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: test`), { code });
}

/** A descriptor that takes at most `chunk` bytes per write and fails as `failures` says, in order. */
function fakeFd(options: { chunk?: number; failures?: string[]; tty?: boolean } = {}) {
  const written: number[] = [];
  const failures = [...(options.failures ?? [])];
  let sleeps = 0;
  let gone = 0;
  const deps: StdStreamDeps = {
    writeSync(_fd, buffer, offset, length) {
      const failure = failures.shift();
      if (failure) throw errno(failure);
      const n = Math.min(length, options.chunk ?? length);
      written.push(...buffer.subarray(offset, offset + n));
      return n;
    },
    isatty: () => options.tty ?? false,
    readerGone() {
      gone++;
      throw new Gone();
    },
    sleep() { sleeps++; },
  };
  return { deps, text: () => Buffer.from(written).toString('utf8'), sleeps: () => sleeps, gone: () => gone };
}

describe('stdStream to a file or a pipe', () => {
  it('writes every byte, in order, across partial writes', async () => {
    const fd = fakeFd({ chunk: 3 });
    const out = stdStream(1, fd.deps);
    expect(out.isTTY).toBe(false);
    out.write('héllo ');
    out.write('wörld ✓\n');
    await out.flush();
    expect(fd.text()).toBe('héllo wörld ✓\n');
  });

  it('waits out a full non-blocking descriptor (EAGAIN) and loses nothing', () => {
    const fd = fakeFd({ chunk: 4, failures: ['EAGAIN', 'EAGAIN'] });
    stdStream(1, fd.deps).write('0123456789');
    expect(fd.text()).toBe('0123456789');
    expect(fd.sleeps()).toBe(2);
  });

  it('ends quietly when the reader has gone (EPIPE)', () => {
    const fd = fakeFd({ failures: ['EPIPE'] });
    expect(() => stdStream(2, fd.deps).write('x')).toThrow(Gone);
    expect(fd.gone()).toBe(1);
  });

  it('lets any other write error through', () => {
    const fd = fakeFd({ failures: ['EIO'] });
    expect(() => stdStream(1, fd.deps).write('x')).toThrow(/EIO/);
    expect(fd.gone()).toBe(0);
  });

  it('is a terminal stream only when the descriptor is a terminal', async () => {
    const fd = fakeFd({ tty: true });
    const out = stdStream(1, fd.deps);
    expect(out.isTTY).toBe(true);
    // Nothing written: nothing to flush, and process.stdout was not needed.
    await expect(out.flush()).resolves.toBeUndefined();
  });
});

describe('botflow as a process, output to a pipe', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'botflow-stdio-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(sample('bot-sso', '1.26'), null, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: readonly string[], closeEarly: boolean) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'botflow.cjs'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    if (closeEarly) child.stdout.destroy();
    else child.stdout.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    const timer = setTimeout(() => { child.kill(); reject(new Error('botflow did not end')); }, 30_000);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });

  it.each([['manifest', 'manifest.json', '--format', 'html'], ['residency', 'https://smba.trafficmanager.net/emea/', '--format', 'html']])('%s: a reader that goes away early ends it with its own exit code and no stack trace', async (...args) => {
    const whole = await run(args, false);
    expect(whole.stdout.length).toBeGreaterThan(1000);
    const cut = await run(args, true);
    expect(cut.stderr).toBe('');
    expect(cut.code).toBe(whole.code);
  });

  it('writes the whole report, byte for byte, through a pipe', async () => {
    const a = await run(['manifest', 'manifest.json', '--format', 'json'], false);
    expect(a.code).toBe(0);
    const report = JSON.parse(a.stdout) as { results: unknown[] };
    expect(report.results.length).toBeGreaterThan(5);
    expect(a.stdout.endsWith('\n')).toBe(true);
  });
});
