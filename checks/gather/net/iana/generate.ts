/**
 * Regenerates `checks/gather/net/special-purpose-data.ts` from the IANA CSV files beside this
 * script: `node --import tsx checks/gather/net/iana/generate.ts`.
 */
import { writeFileSync } from 'node:fs';
import { readRegistries, renderDataModule } from './registry';

const target = new URL('../special-purpose-data.ts', import.meta.url);
writeFileSync(target, renderDataModule(readRegistries()));
process.stdout.write(`wrote ${target.pathname}\n`);
