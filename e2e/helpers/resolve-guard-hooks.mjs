// Module resolution hooks of resolve-guard.mjs (they run on Node's loader thread).
import { appendFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

let settings;

export function initialize(data) {
  settings = data;
}

function inside(dir, file) {
  const rel = relative(realpathSync(dir), realpathSync(file));
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** Logs one resolution; throws when it is neither a built-in nor a file inside `dir`. */
export function checkResolved({ dir, log }, kind, specifier, target) {
  let ok;
  if (target.startsWith('node:')) ok = true;
  else if (target.startsWith('file:') || isAbsolute(target)) ok = inside(dir, target.startsWith('file:') ? fileURLToPath(target) : target);
  else ok = false;
  appendFileSync(log, `${ok ? 'ok' : 'OUTSIDE'} ${kind} ${specifier} -> ${target}\n`);
  if (!ok) throw new Error(`resolve-guard: ${kind} "${specifier}" resolved to ${target}, outside ${dir}`);
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  checkResolved(settings, 'import', specifier, result.url);
  return result;
}
