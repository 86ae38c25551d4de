/**
 * Reads a PDF the browser printed: the text of each page with where it sits, so a test can
 * check page margins, the printed stamp, and what is (not) on paper. Uses pdf.js.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface PdfText {
  text: string;
  /** Left edge and baseline, in PDF points from the bottom-left corner of the page. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfText[];
  /** All the page's text, items joined in reading order. */
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        items.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height });
      }
      pages.push({ width, height, items, text: content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join('') });
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

/** One millimetre in PDF points. */
export const MM = 72 / 25.4;

/**
 * Switches the page to print media and checks what paper gets before it is printed: no form
 * control or button is visible in the content, and the print stamp names the page's title.
 */
export async function expectPrintView(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  const controls = await page.locator('main input, main textarea, main select, main button').evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.outerHTML.slice(0, 80)));
  expect(controls, 'form controls or buttons on paper').toEqual([]);
  const title = await page.title();
  await expect.poll(() => page.locator('[data-print-stamp]').textContent()).toContain(title);
}
