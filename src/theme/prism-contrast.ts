import type { PrismTheme } from 'prism-react-renderer';

/**
 * Code-block colours that pass WCAG AA. The stock Prism themes colour comments and some tokens
 * below 4.5:1 against their own background; this nudges each such colour towards black (light
 * backgrounds) or white (dark backgrounds) until it reaches the ratio, keeping its hue.
 * Pure: used by docusaurus.config.ts at build time, unit-tested in prism-contrast.test.ts.
 */

type Rgb = readonly [number, number, number];

/** Parses `#rgb`, `#rrggbb`, `rgb(r, g, b)` and `rgba(r, g, b, a)` (alpha composited over `under`). */
export function parseColor(value: string, under?: Rgb): Rgb | null {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(text);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(text);
  if (rgb) {
    const channels = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] as const;
    const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]);
    if (alpha >= 1 || !under) return channels;
    return channels.map((c, i) => Math.round(c * alpha + under[i]! * (1 - alpha))) as unknown as Rgb;
  }
  return null;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function toHex(color: Rgb): string {
  return '#' + color.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** Returns `color` itself if it reaches `minRatio` on `background`, else the closest mix that does. */
export function readableOn(color: string, background: string, minRatio = 4.5): string {
  const bg = parseColor(background);
  const fg = parseColor(color, bg ?? undefined);
  if (!bg || !fg) return color;
  if (contrastRatio(fg, bg) >= minRatio) return color;
  const target: Rgb = luminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 1; step <= 20; step += 1) {
    const t = step / 20;
    const mixed = fg.map((c, i) => c + (target[i]! - c) * t) as unknown as Rgb;
    if (contrastRatio(mixed, bg) >= minRatio) return toHex(mixed);
  }
  return toHex(target);
}

/** A copy of `theme` whose plain and token colours all reach `minRatio` on its background. */
export function withReadableTokens(theme: PrismTheme, minRatio = 4.6): PrismTheme {
  const background = theme.plain.backgroundColor;
  if (!background || !parseColor(background)) {
    throw new Error('withReadableTokens needs a theme with a #hex or rgb() plain.backgroundColor');
  }
  const fix = (color: string): string => readableOn(color, background, minRatio);
  return {
    plain: { ...theme.plain, ...(theme.plain.color !== undefined ? { color: fix(theme.plain.color) } : {}) },
    styles: theme.styles.map((entry) => ({
      ...entry,
      style: { ...entry.style, ...(entry.style.color ? { color: fix(entry.style.color) } : {}) },
    })),
  };
}
