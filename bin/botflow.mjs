#!/usr/bin/env node
// Entry of `botflow`: in the repository (`npx botflow`, after `npm ci` built the CLI through
// `prepare`) and in the installed package (`npm run pack:cli`), where the same files sit in the
// same places: bin/, dist/ (the CLI bundle) and build/ (the built site, which `serve` serves).
// `botflow manifest ...`, the check a CI job runs on every build, takes a fast path: one script
// with only that command, run with the V8 code cache made at build time (see code-cache.mjs).
// Every other command, and the help, go through the CLI bundle (dist/cli.mjs and its chunks).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const siteDir = fileURLToPath(new URL('../build', import.meta.url));

// The same test as program.ts's commandsIn: the first argument that is not an option names the command.
const fastPath = fileURLToPath(new URL('../dist/manifest/', import.meta.url));
if (argv.find((a) => !a.startsWith('-')) === 'manifest' && existsSync(`${fastPath}cli.js`)) {
  const { scriptLoader } = await import('./code-cache.mjs');
  const load = scriptLoader(fastPath);
  const cli = load('cli.js');
  cli.useScriptLoader(load);
  await cli.runProcess(argv, { siteDir });
}

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('botflow: the CLI is not built yet. Run "npm run build:cli" (npm ci does it for you), then try again.\n');
  process.exit(2);
}
const { runProcess } = await import(pathToFileURL(bundle).href);
await runProcess(argv, { siteDir });
