#!/usr/bin/env node
// Entry of `npx botflow`. The CLI is bundled by `npm run build:cli` (run by `npm ci` via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A reader that goes away early (`botflow ... | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const bundle = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('botflow: the CLI is not built yet. Run "npm run build:cli" (npm ci does it for you), then try again.\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(bundle).href);
const code = await main(process.argv.slice(2));
// Flush what was written, then end even if a keep-alive socket lingers.
await new Promise((resolve) => process.stdout.write('', resolve));
await new Promise((resolve) => process.stderr.write('', resolve));
process.exit(code);
