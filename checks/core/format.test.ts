import { describe, expect, it } from 'vitest';
import { formatMessage, placeholders } from './format';

describe('formatMessage', () => {
  it.each([
    ['fills values', 'got {{status}} in {{ms}} ms', { status: 401, ms: 12 }, 'got 401 in 12 ms'],
    ['tolerates spaces', '{{ a }}', { a: 'x' }, 'x'],
    ['leaves missing placeholders visible', 'a {{missing}}', {}, 'a {{missing}}'],
    ['does not re-expand values', '{{a}}', { a: '{{b}}', b: 'no' }, '{{b}}'],
  ])('%s', (_n, template, data, expected) => {
    expect(formatMessage(template, data)).toBe(expected);
  });
  it('lists placeholders', () => {
    expect(placeholders('{{a}} and {{ b }}')).toEqual(['a', 'b']);
  });
});
