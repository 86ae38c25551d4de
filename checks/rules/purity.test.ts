/**
 * Rules are pure (STYLE B1): no network, files or clock. This bundles every rule for the browser
 * and fails on any Node builtin in its import graph, and on any runtime import of a gatherer
 * (rules may import a gatherer's types only, for its EvidenceMap entry).
 */
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { build, type Plugin } from 'esbuild';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const ruleFiles = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

function guard(found: string[]): Plugin {
  return {
    name: 'rule-purity',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.path.startsWith('node:') || builtins.has(args.path)) {
          found.push(`${args.path} (imported by ${args.importer})`);
          return { path: args.path, external: true };
        }
        if (/[\\/]rules[\\/]/.test(args.importer) && /(^|\/)gather\//.test(args.path)) found.push(`${args.path} (runtime import of a gatherer by ${args.importer})`);
        return undefined;
      });
    },
  };
}

describe('rules are pure', () => {
  it('finds the rule files', () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(35);
  });

  it.each(ruleFiles)('%s bundles for the browser with no Node builtin and no gatherer', async (file) => {
    const found: string[] = [];
    await build({ entryPoints: [`checks/rules/${file}`], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', plugins: [guard(found)] });
    expect(found).toEqual([]);
  });

  it('the guard catches a runtime gatherer import', async () => {
    const found: string[] = [];
    await build({ stdin: { contents: "import '../gather/tls-handshake';", resolveDir: 'checks/rules', sourcefile: 'checks/rules/x.ts' }, bundle: true, platform: 'browser', write: false, logLevel: 'silent', plugins: [guard(found)] });
    expect(found.length).toBeGreaterThan(0);
  });
});
