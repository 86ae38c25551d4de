import { it, expect } from 'vitest';
import { validateManifest } from './validate-schema';
import { SCHEMA_VERSIONS } from './schemas';
it('compiles all', async () => {
  for (const v of SCHEMA_VERSIONS) {
    const t0 = performance.now();
    const r = await validateManifest({ manifestVersion: v } as never, v, '{"manifestVersion": "x"}');
    console.log(v, r.errorCount, Math.round(performance.now() - t0), r.errors[0]);
  }
});
