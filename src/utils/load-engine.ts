/** Lazy loader of the in-page engine (a separate chunk, fetched when a widget first needs it). */
export type BrowserEngine = typeof import('./browser-engine');

let pending: Promise<BrowserEngine> | undefined;

export function loadBrowserEngine(): Promise<BrowserEngine> {
  pending ??= import('./browser-engine').catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}
