/**
 * Layout measurements taken in the browser: how big diagram text is once rendered, whether a
 * table cell breaks a word, whether a page scrolls sideways. Each returns plain data for the
 * test to judge (and to print when it fails).
 */
import type { Page } from 'playwright-core';

export interface DiagramText {
  /** Index of the diagram on the page. */
  diagram: number;
  /** The smallest rendered text size in the diagram, in CSS px (font size x the SVG's scale). */
  minPx: number;
  /** The text that has it. */
  text: string;
  /** Width the diagram is drawn at, and its own (viewBox) width. */
  renderedWidth: number;
  naturalWidth: number;
}

/** For every rendered diagram: its smallest text, as the reader sees it. */
export async function diagramTextSizes(page: Page): Promise<DiagramText[]> {
  return page.evaluate(() => {
    const out: Array<{ diagram: number; minPx: number; text: string; renderedWidth: number; naturalWidth: number }> = [];
    document.querySelectorAll('[data-mermaid-block]').forEach((block, diagram) => {
      const svg = block.querySelector('svg');
      if (!svg) return;
      let minPx = Infinity;
      let text = '';
      // Labels are HTML inside <foreignObject> or SVG <text>: measure whichever holds the words.
      const candidates = [...svg.querySelectorAll('foreignObject span, foreignObject div, foreignObject p, text, tspan')];
      for (const el of candidates) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (!own) continue;
        const graphics = (el.closest('foreignObject, text') ?? svg) as unknown as SVGGraphicsElement;
        const ctm = graphics.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        const px = parseFloat(getComputedStyle(el).fontSize) * scale;
        if (px < minPx) {
          minPx = px;
          text = (el.textContent ?? '').trim().slice(0, 60);
        }
      }
      const box = svg.getBoundingClientRect();
      out.push({ diagram, minPx: Math.round(minPx * 10) / 10, text, renderedWidth: Math.round(box.width), naturalWidth: Math.round(svg.viewBox.baseVal?.width || box.width) });
    });
    return out;
  });
}

export interface BrokenWord {
  word: string;
  /** The cell's text (start), to find it. */
  cell: string;
}

/**
 * Words (runs of letters and digits) in table cells that the browser split across two lines.
 * Breaks between words, and after punctuation inside a host or URL, are fine; inside a run is not.
 */
export async function brokenWordsInTables(page: Page, scope = 'main'): Promise<BrokenWord[]> {
  return page.evaluate((root) => {
    const found: Array<{ word: string; cell: string }> = [];
    const cells = document.querySelectorAll(`${root} table th, ${root} table td`);
    const range = document.createRange();
    for (const cell of cells) {
      if ((cell as HTMLElement).offsetParent === null) continue; // not displayed
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      // Words can span text nodes (<wbr> splits a host into parts): join adjacent nodes' runs.
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) found.push({ word: m[0], cell: (cell.textContent ?? '').trim().slice(0, 50) });
        }
      }
    }
    return found;
  }, scope);
}

export interface SidewaysScroll {
  scrollWidth: number;
  clientWidth: number;
  /** Elements that stick out past the right edge of the viewport (first few). */
  culprits: string[];
}

/** Whether the page itself scrolls horizontally, and what sticks out if it does. */
export async function sidewaysScroll(page: Page): Promise<SidewaysScroll> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const culprits: string[] = [];
    if (doc.scrollWidth > width + 1) {
      for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0 && getComputedStyle(el).position !== 'fixed') {
          // Report the outermost element that sticks out, not each of its children.
          const parent = el.parentElement?.getBoundingClientRect();
          if (parent && parent.right > width + 1) continue;
          culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(/\s+/).slice(0, 2).join('.')}` : ''} (right ${Math.round(box.right)})`);
          if (culprits.length >= 5) break;
        }
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: width, culprits };
  });
}

/** The rendered size of the site's small print (hints, captions), the floor for diagram text. */
export async function smallPrintPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.fontSize = 'var(--bf-small-print-size, 0.875rem)';
    probe.textContent = 'x';
    document.body.appendChild(probe);
    const px = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    return px;
  });
}
