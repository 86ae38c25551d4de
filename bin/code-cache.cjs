// Runs the scripts of the `botflow manifest` fast path (dist/manifest/) with the V8 code cache
// made for them at build time, so a cold start neither parses nor compiles them: bin/botflow.cjs
// loads with it, and scripts/manifest-fast-path.mjs makes the caches with it after a warm-up.
//
// Each script is one function expression, (function (exports, require, module, __filename,
// __dirname) { ... }), as esbuild wrote it, and ends with a line `//# botflow-build=<id>`, the
// SHA-256 of the rest of it, written by the build. Its cache sits next to it in <script>.v8: that
// id, then V8's cached data. A cache is used only with the script whose id it carries (V8 itself
// checks only the script's length and its own version and flags; hashing the script on every
// start would cost more than a millisecond, loading node:crypto included, so the build does it
// once). A missing, stale or refused cache costs time, never correctness: V8 then compiles the
// script from its source as it would without one.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUILD_ID_MARK = '\n//# botflow-build=';
const ID_BYTES = 64;

/** The build id a script ends with, `${BUILD_ID_MARK}<64 hex digits>\n` (undefined if it has none). */
function buildId(source) {
  const tail = source.slice(-(BUILD_ID_MARK.length + ID_BYTES + 1));
  const id = tail.slice(BUILD_ID_MARK.length, -1);
  return tail.startsWith(BUILD_ID_MARK) && tail.endsWith('\n') && /^[0-9a-f]{64}$/.test(id) ? id : undefined;
}

function cacheFor(file, id) {
  let data;
  try {
    data = readFileSync(`${file}.v8`);
  } catch {
    return undefined;
  }
  return data.length > ID_BYTES && data.toString('latin1', 0, ID_BYTES) === id ? data.subarray(ID_BYTES) : undefined;
}

/**
 * A loader of the scripts in `dir`: `load('cli.js')` runs dist/manifest/cli.js once and returns its
 * exports. `options.record` (a Map) collects each compiled script, for writeCodeCaches; `options.cache`
 * false compiles from source only. `load.stats` counts the caches used and the ones missing or refused.
 */
function scriptLoader(dir, options = {}) {
  const loaded = new Map();
  const stats = { cached: 0, compiled: 0 };
  const load = (relativePath) => {
    const file = join(dir, relativePath);
    if (loaded.has(file)) return loaded.get(file);
    // The build writes ASCII only (esbuild escapes the rest), so latin1 reads it exactly, and faster.
    const source = readFileSync(file, 'latin1');
    const id = buildId(source);
    const cachedData = options.cache === false || id === undefined ? undefined : cacheFor(file, id);
    const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
    if (cachedData && !script.cachedDataRejected) stats.cached++;
    else stats.compiled++;
    options.record?.set(file, { script, id });
    const module = { exports: {} };
    // Its require is this file's: the build checks that a script requires nothing but Node.js built-ins.
    script.runInThisContext()(module.exports, require, module, file, dirname(file));
    loaded.set(file, module.exports);
    return module.exports;
  };
  load.stats = stats;
  return load;
}

/** Writes <script>.v8 for every script `record` collected, with what V8 has compiled of it so far. */
function writeCodeCaches(record) {
  let bytes = 0;
  for (const [file, { script, id }] of record) {
    if (id === undefined) throw new Error(`${file} has no build id line; it was not written by scripts/manifest-fast-path.mjs`);
    const data = Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]);
    writeFileSync(`${file}.v8`, data);
    bytes += data.length;
  }
  return { files: record.size, bytes };
}

module.exports = { BUILD_ID_MARK, buildId, scriptLoader, writeCodeCaches };
