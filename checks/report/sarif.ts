import type { CheckResult, Report } from '../core/types';
import { docsHref, targetLabel } from './shared';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';
type SarifKind = 'pass' | 'fail' | 'notApplicable' | 'informational' | 'review';

function classify(r: CheckResult): { level: SarifLevel; kind: SarifKind } {
  switch (r.status) {
    case 'fail': return { level: r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'note', kind: 'fail' };
    case 'warn': return { level: 'warning', kind: 'fail' };
    case 'error': return { level: 'error', kind: 'review' };
    case 'info': return { level: 'note', kind: 'informational' };
    case 'skip': return { level: 'none', kind: 'notApplicable' };
    default: return { level: 'none', kind: 'pass' };
  }
}

/** SARIF 2.1.0 for code-scanning dashboards. One rule per check id; every result, passing ones included. */
export function renderSarif(report: Report, options: { docsBaseUrl?: string } = {}): string {
  const target = targetLabel(report);
  const rules = report.results.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: r.title },
    helpUri: docsHref(r, options.docsBaseUrl),
    properties: { severity: r.severity },
  }));
  const results = report.results.map((r, ruleIndex) => {
    const { level, kind } = classify(r);
    const text = [r.message, r.remediation ? `How to fix: ${r.remediation}` : ''].filter(Boolean).join(' ');
    return {
      ruleId: r.id,
      ruleIndex,
      kind,
      level,
      message: { text: text || r.title },
      locations: [{ physicalLocation: { artifactLocation: { uri: target } } }],
      properties: {
        status: r.status,
        evidence: r.evidence,
        ...(r.details ? { details: r.details } : {}),
        ...(r.error ? { errorCode: r.error.code } : {}),
      },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'botflow', version: report.tool.version, semanticVersion: report.tool.version, rules } },
      invocations: [{ executionSuccessful: report.counts.error === 0, startTimeUtc: report.startedAt }],
      results,
      properties: { suite: report.suite, counts: report.counts, target: report.target },
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
