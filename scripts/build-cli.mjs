// `npm run build:cli` (also run by `npm ci` through `prepare`): bundles the botflow CLI from
// checks/ into dist/ for bin/botflow.cjs. Dependencies are bundled in and each command is its own
// chunk, loaded only when that command runs, so `botflow --version` stays fast.
import { buildCli } from './cli-bundle.mjs';

await buildCli();
