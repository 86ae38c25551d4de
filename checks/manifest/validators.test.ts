/**
 * The precompiled validators in ./validators are what generate.mjs makes from the schemas
 * installed now (so a schema or ajv update cannot leave them stale), import nothing, never
 * generate code at run time, and run where code generation from strings is blocked (as under a
 * Content Security Policy without 'unsafe-eval').
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from './schemas';

const dir = fileURLToPath(new URL('./validators/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.js'));

describe('precompiled schema validators', () => {
  it('exist for every bundled version and the Report schema', () => {
    const expected = [...SCHEMA_VERSIONS.map((v) => `teams-${v === 'devPreview' ? 'vDevPreview' : `v${v}`}.js`), 'report-v1.js'].sort();
    expect(files.sort()).toEqual(expected);
  });

  it('are up to date with the installed schemas, ajv and the generator', () => {
    // Exit code 1 and the stale file names on stderr when any file differs from a fresh generation.
    expect(() => execFileSync(process.execPath, [`${dir}generate.mjs`, '--check'], { stdio: 'pipe', timeout: 120_000 })).not.toThrow();
  }, 120_000);

  it('import nothing and contain no eval or Function constructor', () => {
    for (const f of files) {
      const code = readFileSync(`${dir}${f}`, 'utf8');
      // ajv keeps the source of its runtime helpers as strings (`.code = 'require("ajv/...")'`); those are data, not calls.
      const calls = code.replace(/'require\("[^"]*"\)[.\w]*'/g, "''");
      expect(calls, f).not.toMatch(/\bimport\s*[({"'a-zA-Z]|\brequire\(|\beval\(|new Function\b|\bFunction\(/);
    }
  });

  it('validate with code generation from strings blocked', () => {
    const script = `
      let blocked = false; try { new Function('return 1'); } catch { blocked = true; }
      const out = { blocked };
      for (const f of ${JSON.stringify(files.filter((f) => f.startsWith('teams-')))}) {
        const { default: validate } = await import(${JSON.stringify(dir)} + f);
        out[f] = [validate({}), (validate.errors ?? []).some((e) => e.keyword === 'required')];
      }
      console.log(JSON.stringify(out));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 })) as Record<string, unknown>;
    expect(out.blocked).toBe(true);
    for (const f of files.filter((x) => x.startsWith('teams-'))) expect(out[f], f).toEqual([false, true]);
  });
});
