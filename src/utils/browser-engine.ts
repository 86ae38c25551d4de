/**
 * Everything the widgets run inside the page, in one lazily loaded chunk: the browser entry of
 * the engine (runner + manifest suite), the suites that are browser-safe end to end (registration
 * from pasted JSON, residency), the allowlist builder and the report helpers. Widgets load it
 * with `import()` inside <BrowserOnly>, never at module top level.
 */
export { runChecks, manifestSuite } from '../../checks/entry/browser';
export type { Report, CheckResult, RunEvent, Status } from '../../checks/entry/browser';
export { registrationSuite } from '../../checks/suites/registration';
export { residencySuite } from '../../checks/suites/residency';
export { analyzeServiceUrl } from '../../checks/residency/service-url';
export { buildAllowlist, renderAllowlist } from '../../checks/allowlist/allowlist';
export { reportFile, loadReport, compare, chronological, comparisonMismatch } from './report-files';
export { parseJsonDocument } from '../../checks/core/json-parse';
export { buildRegistrationEvidence } from '../../checks/computed/registration-model';

