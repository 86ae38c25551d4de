import { describe, expect, it } from 'vitest';
import { breakableParts } from './break-points';

describe('breakableParts', () => {
  it('splits hosts, URLs and paths after separators and before hyphens, never inside a word', () => {
    expect(breakableParts('login.botframework.com')).toEqual(['login.', 'botframework.', 'com']);
    expect(breakableParts('https://login.botframework.com/v1/.well-known/openidconfiguration'))
      .toEqual(['https://', 'login.', 'botframework.', 'com/', 'v1/.', 'well', '-known/', 'openidconfiguration']);
    expect(breakableParts('x-ms-tenant_id')).toEqual(['x', '-ms', '-tenant_', 'id']);
    expect(breakableParts('ToBotFromChannelOpenIdMetadataUrl')).toEqual(['ToBotFromChannelOpenIdMetadataUrl']);
    expect(breakableParts('')).toEqual([]);
    for (const v of ['a.b/c?d=e&f_g-h', 'https://x.example/'] as const) expect(breakableParts(v).join('')).toBe(v);
  });
});
