/**
 * The browser entry of the check engine: the runner and the suites that run entirely in the page
 * (no node: modules anywhere below this file; a test bundles it for the browser and fails on any
 * Node builtin). Widgets import it lazily inside <BrowserOnly>.
 */
export { runChecks } from '../core/runner';
export type { RunParams } from '../core/runner';
export type { Report, CheckResult, RunEvent, Status } from '../core/types';
export { manifestSuite } from '../suites/manifest';
