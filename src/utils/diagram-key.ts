/**
 * A short stable key for a diagram's source text (FNV-1a, 32 bits, hex): the placeholder of a
 * diagram looks its final size up by it, so the page keeps its layout while Mermaid loads. Pure.
 */
export function diagramKey(source: string): string {
  let hash = 0x811c9dc5;
  const text = source.trim().replace(/\r\n/g, '\n');
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export interface DiagramSize {
  /** The diagram's own width and height (its SVG viewBox), in CSS px. */
  width: number;
  height: number;
}

/**
 * The box a diagram takes before it is drawn, the same box the drawn SVG takes: as wide as the
 * column allows up to its own width, with its own aspect ratio.
 */
export function placeholderStyle(size: DiagramSize | undefined): { maxWidth: string; aspectRatio: string; marginInline: string } | { minHeight: string } {
  if (!size || size.width <= 0 || size.height <= 0) return { minHeight: '12rem' };
  return { maxWidth: `${size.width}px`, aspectRatio: `${size.width} / ${size.height}`, marginInline: 'auto' };
}
