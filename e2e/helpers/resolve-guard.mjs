// Loaded with `node --import <this file>` (or NODE_OPTIONS=--import=...) around a botflow run:
// every module the process resolves, ESM import or CommonJS require, must be a Node.js built-in
// or a file inside BOTFLOW_GUARD_DIR. Each resolution is appended to BOTFLOW_GUARD_LOG; one that
// lands outside is logged as OUTSIDE and fails the import that asked for it.
import Module, { isBuiltin, register } from 'node:module';
import { checkResolved } from './resolve-guard-hooks.mjs';

const dir = process.env.BOTFLOW_GUARD_DIR;
const log = process.env.BOTFLOW_GUARD_LOG;
if (!dir || !log) throw new Error('resolve-guard: set BOTFLOW_GUARD_DIR (the allowed folder) and BOTFLOW_GUARD_LOG (a log file)');

register(new URL('./resolve-guard-hooks.mjs', import.meta.url), { data: { dir, log } });

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function guardedResolveFilename(request, ...rest) {
  const resolved = resolveFilename.call(this, request, ...rest);
  checkResolved({ dir, log }, 'require', request, isBuiltin(resolved) ? `node:${resolved.replace(/^node:/, '')}` : resolved);
  return resolved;
};
