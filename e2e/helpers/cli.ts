/**
 * Runs a command exactly as a widget shows it ("botflow ...", the installed CLI), through this repository's
 * CLI (node bin/botflow.cjs) as a real process, and returns its JSON report.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Report } from '../../checks/core/types';
import { REPO_ROOT } from './site';

/** Splits a POSIX shell command line the way the widgets quote it (bare words and '...' parts). */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i]!;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unbalanced quote in: ${command}`);
      current += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '\\' && i + 1 < command.length) {
      current += command[i + 1];
      i += 1;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else if (/[;&|<>`$()]/.test(c)) {
      throw new Error(`shell syntax "${c}" in a shown command: ${command}`);
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

export interface ShownRun {
  code: number;
  report: Report;
  stderr: string;
}

/** Runs `botflow <args>` as shown (this repository's bin/botflow.cjs), with `--format json` added, in `cwd` with `env`. */
export async function runShownCommand(command: string, options: { cwd?: string; env?: Record<string, string> } = {}): Promise<ShownRun> {
  const words = shellWords(command);
  if (words[0] !== 'botflow') throw new Error(`not a botflow command: ${command}`);
  const args = [path.join(REPO_ROOT, 'bin', 'botflow.cjs'), ...words.slice(1), '--format', 'json'];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const code = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${command} did not finish within 120 s`)); }, 120_000);
    child.on('close', (c) => { clearTimeout(timer); resolve(c ?? -1); });
  });
  if (!stdout.trim()) throw new Error(`${command} printed no report (exit ${code}): ${stderr}`);
  return { code, report: JSON.parse(stdout) as Report, stderr };
}
