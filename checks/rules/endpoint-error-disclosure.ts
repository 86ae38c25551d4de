import { defineCheck } from '../core/define-check';
import type { Detail } from '../core/types';
import { scanBody, scanHeaders, type DisclosureFinding } from '../computed/disclosure';
import { SOURCES } from '../computed/endpoint-sources';
import { json, msg } from '../computed/json';
import type {} from '../gather/auth-probe-missing'; // its EvidenceMap entry (types only: rules do no I/O)
import type {} from '../gather/auth-probe-forged'; // its EvidenceMap entry (types only: rules do no I/O)

const KIND_TEXT: Record<DisclosureFinding['kind'], string> = {
  'stack-trace': 'a stack trace',
  'server-path': 'a server file path',
  'framework-error': 'an exception name',
  'version-header': 'a version header',
};

export default defineCheck({
  meta: {
    id: 'endpoint-error-disclosure',
    suite: 'endpoint',
    title: 'Error answers reveal no internals',
    failureTitle: 'Error answers reveal stack traces or internals',
    description: 'The answers to the auth probes should be short rejections. Stack traces, file paths and exception names in a public answer tell an attacker how the bot is built and where it breaks.',
    severity: 'warning',
    requiredEvidence: ['AuthProbeMissingToken', 'AuthProbeForgedToken'],
    messages: {
      clean: 'No stack traces or framework internals in the {{count}} answer(s) received.',
      leaks: 'The answers reveal {{summary}}.',
      notProbed: 'Not checked: no answer was received to inspect.',
    },
    remediation: {
      leaks: 'Answer errors with a status code and a short generic message, and log the details on the server only: in Express, add an error handler that does not send err.stack and set NODE_ENV=production; in ASP.NET, turn off the developer exception page in production.',
    },
    sources: [SOURCES.owaspErrors],
  },
  evaluate({ AuthProbeMissingToken: missing, AuthProbeForgedToken: forged }) {
    const answers = [missing, forged].filter((p): p is Extract<typeof p, { ok: true }> => p.probed && p.ok);
    if (!answers.length) return { status: 'skip', messageId: 'notProbed', evidence: json({}) };
    const findings: DisclosureFinding[] = [];
    for (const a of answers) {
      const where = `the ${a.kind} answer (HTTP ${a.status})`;
      findings.push(...scanBody(a.body, where), ...scanHeaders(a.headers, where));
    }
    const serious = findings.filter((f) => f.kind !== 'version-header');
    const details: Detail[] = findings.map((f) => ({ message: `${KIND_TEXT[f.kind]} in ${f.where}: ${f.match}`, status: f.kind === 'version-header' ? 'info' : 'warn' }));
    const evidence = json({ answers: answers.map((a) => ({ kind: a.kind, status: a.status, bodyBytes: a.bodyBytes })), findings });
    if (!serious.length) return { status: 'pass', messageId: 'clean', data: msg({ count: answers.length }), evidence, ...(details.length ? { details } : {}) };
    const kinds = [...new Set(serious.map((f) => KIND_TEXT[f.kind]))];
    return { status: 'warn', messageId: 'leaks', data: msg({ summary: `${kinds.join(', ')} (in ${[...new Set(serious.map((f) => f.where))].join(' and ')})` }), evidence, details };
  },
});
