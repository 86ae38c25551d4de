#!/usr/bin/env node
// Entry of `botflow`: in the repository (`npx botflow`, after `npm ci` built the CLI through
// `prepare`) and in the installed package (`npm run pack:cli`), where the same files sit in the
// same places: bin/, dist/ (the CLI bundle) and build/ (the built site, which `serve` serves).
// `botflow manifest ...`, the check a CI job runs on every build, takes a fast path: one script
// with only that command, run with the V8 code cache made at build time (see code-cache.cjs).
// Every other command, and the help, go through the CLI bundle (dist/cli.mjs and its chunks).
// This file is CommonJS so that the fast path never starts Node's ES module loader (about 3 ms
// of a cold start); the CLI bundle is an ES module, imported below.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const argv = process.argv.slice(2);
const siteDir = join(__dirname, '..', 'build');

// The same test as program.ts's commandsIn: the first argument that is not an option names the command.
const fastPath = join(__dirname, '..', 'dist', 'manifest');
const bundle = join(__dirname, '..', 'dist', 'cli.mjs');

if (argv.find((a) => !a.startsWith('-')) === 'manifest' && existsSync(join(fastPath, 'cli.js'))) {
  const load = require('./code-cache.cjs').scriptLoader(fastPath);
  const cli = load('cli.js');
  cli.useScriptLoader(load);
  cli.runProcess(argv, { siteDir });
} else if (!existsSync(bundle)) {
  process.stderr.write('botflow: the CLI is not built yet. Run "npm run build:cli" (npm ci does it for you), then try again.\n');
  process.exit(2);
} else {
  import(pathToFileURL(bundle).href).then(({ runProcess }) => runProcess(argv, { siteDir }));
}
