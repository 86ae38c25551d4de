import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../checks/core/errors';
import { PAGE_PATH, renderErrorCodesPage } from './error-codes-page';

/** docs/reference/error-codes.mdx is generated from the ErrorCode union; these keep the two equal. */
describe('the error codes page', () => {
  const page = readFileSync(PAGE_PATH, 'utf8');

  it('is what the generator writes (run npm run gen:error-codes after changing a code)', () => {
    expect(page).toBe(renderErrorCodesPage());
  });

  it('has one table row per code of the union, and no other code', () => {
    const listed = [...page.matchAll(/^\| `(CHK_ERR_[A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect([...listed].sort()).toEqual([...Object.values(ErrorCodes)].sort());
  });

  it('gives every code a meaning and a fix', () => {
    const rows = page.split('\n').filter((l) => l.startsWith('| `CHK_ERR_'));
    for (const r of rows) {
      const cells = r.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
      expect(cells, r).toHaveLength(4);
      expect(cells[2]!.length, r).toBeGreaterThan(20);
      expect(cells[3]!.length, r).toBeGreaterThan(15);
    }
  });
});
