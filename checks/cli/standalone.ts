#!/usr/bin/env node
/**
 * Entry of the single-file build (`npm run build:single` -> release/botflow.mjs): every
 * dependency bundled in, nothing loaded from node_modules. It ships no site, so `serve` needs
 * --site (or a build/ folder in the working directory).
 */
import { runProcess } from './process';

await runProcess(process.argv.slice(2));
