import { themes } from 'prism-react-renderer';
import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor, readableOn, withReadableTokens } from './prism-contrast';

describe('parseColor', () => {
  it.each([
    ['#fff', [255, 255, 255]],
    ['#36acaa', [54, 172, 170]],
    ['rgb(98, 114, 164)', [98, 114, 164]],
    ['RGBA(0, 0, 0, 0.5)', [128, 128, 128]],
  ] as const)('%s', (input, expected) => {
    expect(parseColor(input, [255, 255, 255])).toEqual(expected);
  });

  it('returns null for colours it does not understand', () => {
    expect(parseColor('hsl(220, 13%, 18%)')).toBeNull();
    expect(parseColor('#12345')).toBeNull();
  });
});

describe('readableOn', () => {
  it('keeps a colour that already passes', () => {
    expect(readableOn('#000000', '#ffffff')).toBe('#000000');
  });

  it('darkens a pale colour on a light background until it passes', () => {
    const fixed = readableOn('#999988', '#f6f8fa');
    expect(fixed).not.toBe('#999988');
    expect(contrastRatio(parseColor(fixed)!, parseColor('#f6f8fa')!)).toBeGreaterThanOrEqual(4.5);
  });

  it('lightens a dim colour on a dark background until it passes', () => {
    const fixed = readableOn('rgb(98, 114, 164)', '#282A36');
    expect(contrastRatio(parseColor(fixed)!, parseColor('#282A36')!)).toBeGreaterThanOrEqual(4.5);
    const [r, g, b] = parseColor(fixed)!;
    expect(r + g + b).toBeGreaterThan(98 + 114 + 164);
  });
});

describe('withReadableTokens', () => {
  it.each([
    ['github', themes.github],
    ['dracula', themes.dracula],
  ] as const)('every colour of %s reaches 4.5:1 on its background', (_name, theme) => {
    const fixed = withReadableTokens(theme);
    const background = parseColor(fixed.plain.backgroundColor!)!;
    const colours = [fixed.plain.color, ...fixed.styles.map((s) => s.style.color)].filter((c): c is string => !!c);
    expect(colours.length).toBeGreaterThan(5);
    for (const colour of colours) {
      expect(contrastRatio(parseColor(colour, background)!, background), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('rejects a theme whose background it cannot read', () => {
    expect(() => withReadableTokens(themes.oneDark)).toThrow(/backgroundColor/);
  });
});
