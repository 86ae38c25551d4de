// Bundles the botflow CLI (TypeScript under checks/) into dist/cli.mjs so that `npx botflow`
// starts fast on a plain Node.js: dependencies stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['checks/cli/main.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
