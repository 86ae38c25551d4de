#!/usr/bin/env node
// Generates the precompiled (standalone) schema validators in this folder, one ES module per
// Teams manifest schema bundled by @microsoft/app-manifest, plus one for the Report schema.
//
// ajv compiles a JSON schema into JavaScript; doing that at run time costs a few hundred
// milliseconds per schema and needs `new Function`, which a page whose Content Security Policy
// has no 'unsafe-eval' forbids. Here the compilation happens once, ahead of time, with ajv's
// standalone code generation, and esbuild inlines the few ajv runtime helpers the code needs,
// so each file is plain JavaScript with no imports (browser-safe, no eval).
//
//   node checks/manifest/validators/generate.mjs            write every file
//   node checks/manifest/validators/generate.mjs --check    exit 1 if a file is missing or stale
//   node checks/manifest/validators/generate.mjs --check v1.26 report   only these
//
// inlineRefs: false keeps each $ref'd definition one function instead of a copy per use: smaller
// files that load faster, with the same errors (the oracle tests compare them).
// The other ajv options are the ones @microsoft/app-manifest's AppManifestUtils.validateAgainstSchema
// uses for Teams schemas (ajv-draft-04, allErrors, the uri/email/regex formats); oracle tests in
// checks/manifest/ hold the output to ajv and to AppManifestUtils on real manifests.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const standaloneCode = standaloneModule.default ?? standaloneModule;
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const require = createRequire(import.meta.url);
const version = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
const teamsDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** Every target: the Teams schemas (v1.0 ... v1.30, vDevPreview) and the Report schema. */
function targets() {
  const teams = readdirSync(teamsDir)
    .filter((d) => existsSync(join(teamsDir, d, 'MicrosoftTeams.schema.json')))
    .map((d) => ({ name: `teams-${d}`, key: d, schemaFile: join(teamsDir, d, 'MicrosoftTeams.schema.json'), kind: 'teams' }));
  return [...teams, { name: 'report-v1', key: 'report', schemaFile: join(root, 'static', 'schemas', 'report-v1.schema.json'), kind: 'report' }];
}

// The validators never read a schema's annotations: ajv reports neither descriptions nor titles
// (no verbose errors), yet its generated code embeds the schema it points into (for enum values
// and property lists), so every description of the schema would be in every script, built on
// every start (a tenth of the v1.26 script). They are left out; values (enum, const, default,
// examples) are kept whole, and the oracle tests hold the errors to ajv's on the full schema.
const ANNOTATIONS = new Set(['description', 'title']);
const VALUES = new Set(['enum', 'const', 'default', 'examples']);
const NAMES = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

function withoutAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) && typeof value === 'string') continue;
    if (VALUES.has(key)) out[key] = value;
    else if (NAMES.has(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    } else out[key] = withoutAnnotations(value);
  }
  return out;
}

function compile(target) {
  const text = readFileSync(target.schemaFile, 'utf8').replace(/^\uFEFF/, '');
  const schema = target.kind === 'teams' ? withoutAnnotations(JSON.parse(text)) : JSON.parse(text);
  const code = { source: true, esm: true };
  let ajv;
  if (target.kind === 'teams') {
    ajv = new Ajv04({ allErrors: true, strictTypes: false, logger: false, inlineRefs: false, code });
    addFormats(ajv, ['uri', 'email', 'regex']);
  } else {
    ajv = new Ajv({ allErrors: true, strict: true, logger: false, code });
    addFormats(ajv);
  }
  const validate = ajv.compile(schema);
  return { source: standaloneCode(ajv, validate), sha256: createHash('sha256').update(text).digest('hex') };
}

// The generated code requires "ajv-formats/dist/formats" for its format functions; the Teams
// validators get checks/manifest/uri-format.ts there instead: the same verdicts, a faster cold
// start (see that file).
const uriFormat = {
  name: 'botflow-uri-format',
  setup(b) {
    b.onResolve({ filter: /^ajv-formats\/dist\/formats$/ }, () => ({ path: join(here, '..', 'uri-format.ts') }));
  },
};

async function render(target) {
  const { source, sha256 } = compile(target);
  const out = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: `${target.name}.standalone.mjs` },
    plugins: target.kind === 'teams' ? [uriFormat] : [],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['main'],
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const from = target.kind === 'teams'
    ? `@microsoft/app-manifest@${version('@microsoft/app-manifest')} build/json-schemas/teams/${target.key}/MicrosoftTeams.schema.json`
    : 'static/schemas/report-v1.schema.json';
  const header = `// Generated by checks/manifest/validators/generate.mjs; do not edit.\n// Schema: ${from} (sha256 ${sha256})\n// ajv ${version('ajv')}, ajv-draft-04 ${version('ajv-draft-04')}, ajv-formats ${version('ajv-formats')}\n`;
  const js = header + out.outputFiles[0].text;
  const dts = `// Generated by checks/manifest/validators/generate.mjs; do not edit.\nimport type { StandaloneValidator } from './types';\ndeclare const validate: StandaloneValidator;\nexport default validate;\n`;
  return { js, dts };
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((a) => !a.startsWith('--'));
const selected = targets().filter((t) => only.length === 0 || only.includes(t.key) || only.includes(t.name));
if (only.length && selected.length !== only.length) {
  process.stderr.write(`unknown target in: ${only.join(' ')}\n`);
  process.exit(2);
}
let stale = 0;
for (const t of selected) {
  const { js, dts } = await render(t);
  const files = [[join(here, `${t.name}.js`), js], [join(here, `${t.name}.d.ts`), dts]];
  for (const [file, content] of files) {
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) {
        process.stderr.write(`stale: ${file}\n`);
        stale++;
      }
    } else {
      writeFileSync(file, content);
    }
  }
}
if (check && stale) {
  process.stderr.write('Run "node checks/manifest/validators/generate.mjs" and commit the result.\n');
  process.exit(1);
}
if (!check) process.stdout.write(`wrote ${selected.length} validators to ${here}\n`);
