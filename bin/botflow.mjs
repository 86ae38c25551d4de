#!/usr/bin/env node
// Entry of `botflow`: in the repository (`npx botflow`, after `npm ci` built the CLI through
// `prepare`) and in the installed package (`npm run pack:cli`), where the same files sit in the
// same places: bin/, dist/ (the CLI bundle) and build/ (the built site, which `serve` serves).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('botflow: the CLI is not built yet. Run "npm run build:cli" (npm ci does it for you), then try again.\n');
  process.exit(2);
}
const { runProcess } = await import(pathToFileURL(bundle).href);
await runProcess(process.argv.slice(2), { siteDir: fileURLToPath(new URL('../build', import.meta.url)) });
