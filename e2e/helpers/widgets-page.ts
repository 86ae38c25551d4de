/** Small helpers for driving the widgets in Playwright. */
import type { Page, Request } from 'playwright-core';

export interface RecordedRequest {
  method: string;
  url: string;
  /** The request body as bytes (empty when none). */
  body: Buffer;
}

/** Records every request the page makes (including its body) until `stop()`. */
export function recordRequests(page: Page): { requests: RecordedRequest[]; stop(): void } {
  const requests: RecordedRequest[] = [];
  const onRequest = (request: Request): void => {
    requests.push({ method: request.method(), url: request.url(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
  };
  page.on('request', onRequest);
  return { requests, stop: () => page.off('request', onRequest) };
}

/** Waits for the widget's client code (BrowserOnly renders it after hydration). */
export async function widgetReady(page: Page, widget: string): Promise<void> {
  await page.locator(`[data-widget="${widget}"]`).waitFor({ state: 'visible', timeout: 20_000 });
}

export interface ShownResult {
  id: string;
  status: string;
  message: string;
}

/** The results a ReportView shows, in order. */
export async function shownResults(page: Page, scope = '[data-report-view]'): Promise<ShownResult[]> {
  return page.locator(`${scope} li[data-check-id][data-status]`).evaluateAll((items) =>
    items
      .filter((li) => li.parentElement?.getAttribute('aria-label') === 'Results per check')
      .map((li) => ({
        id: li.getAttribute('data-check-id') ?? '',
        status: li.getAttribute('data-status') ?? '',
        message: li.querySelector('[data-result-message]')?.textContent ?? '',
      })),
  );
}

/** Status shown for one check in the report. */
export async function shownStatus(page: Page, id: string): Promise<string | null> {
  const item = page.locator(`[data-report-view] ul[aria-label="Results per check"] > li[data-check-id="${id}"]`);
  await item.waitFor({ timeout: 60_000 });
  return item.getAttribute('data-status');
}
