import { describe, expect, it } from 'vitest';
import { aadstsCode, adviceFor, KNOWN_AADSTS_CODES } from './entra-advice';

describe('AADSTS advice', () => {
  it('has advice for the codes bots meet', () => {
    for (const code of [7000215, 7000222, 700016, 90002, 70011]) expect(KNOWN_AADSTS_CODES).toContain(code);
    expect(adviceFor(7000215)?.advice).toMatch(/Secret ID.*instead of its value/);
    expect(adviceFor(7000222)?.meaning).toMatch(/expired/);
    expect(adviceFor(700016)?.advice).toMatch(/botframework\.com tenant/);
    expect(adviceFor(12345)).toBeUndefined();
  });

  it('reads the code from error_codes, or from the description', () => {
    expect(aadstsCode([7000222], 'AADSTS7000215: x')).toBe(7000222);
    expect(aadstsCode([], 'AADSTS700016: Application not found')).toBe(700016);
    expect(aadstsCode(undefined, 'no code here')).toBeUndefined();
  });
});
