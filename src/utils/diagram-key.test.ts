import { describe, expect, it } from 'vitest';
import { diagramKey, placeholderStyle } from './diagram-key';

describe('diagramKey', () => {
  it('is stable, ignores surrounding whitespace and line endings, and tells sources apart', () => {
    expect(diagramKey('flowchart TB\n  a --> b')).toBe(diagramKey('  flowchart TB\r\n  a --> b\n'));
    expect(diagramKey('flowchart TB\n  a --> b')).not.toBe(diagramKey('flowchart TB\n  a --> c'));
    expect(diagramKey('x')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('placeholderStyle', () => {
  it('reserves the drawn box: the own width at most, the own aspect ratio', () => {
    expect(placeholderStyle({ width: 640, height: 480 })).toEqual({ maxWidth: '640px', aspectRatio: '640 / 480', marginInline: 'auto' });
    expect(placeholderStyle(undefined)).toEqual({ minHeight: '12rem' });
  });
});
