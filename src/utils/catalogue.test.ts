import { describe, expect, it } from 'vitest';
import { checkCatalogue } from '../../checks/core/catalogue';
import { catalogueFromCustomFields, findCheck, remediationRows, templateParts } from './catalogue';

describe('catalogue helpers', () => {
  it('reads the catalogue from customFields, or says what is missing', () => {
    expect(catalogueFromCustomFields({ checks: checkCatalogue })).toBe(checkCatalogue);
    expect(() => catalogueFromCustomFields({})).toThrow(/customFields.checks is missing/);
  });

  it('finds a check by id and fails loudly on an unknown id', () => {
    const first = checkCatalogue[0]!;
    expect(findCheck(checkCatalogue, first.id)).toBe(first);
    expect(() => findCheck(checkCatalogue, 'no-such-check')).toThrow(/No check "no-such-check"/);
  });

  it('splits templates into text and placeholders', () => {
    expect(templateParts('{{host}} is on {{ cloud }}.')).toEqual([
      { kind: 'placeholder', name: 'host' },
      { kind: 'text', text: ' is on ' },
      { kind: 'placeholder', name: 'cloud' },
      { kind: 'text', text: '.' },
    ]);
    expect(templateParts('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
  });

  it('pairs each remediation with its message, in message order', () => {
    for (const entry of checkCatalogue) {
      const rows = remediationRows(entry);
      expect(rows.map((r) => r.messageId)).toEqual(Object.keys(entry.messages).filter((k) => k in entry.remediation));
      for (const r of rows) expect(r.message).toBe(entry.messages[r.messageId]);
    }
  });
});
