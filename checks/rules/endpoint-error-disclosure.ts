import { defineCheck } from '../core/define-check';
import type { Detail } from '../core/types';
import { scanBody, scanHeaders, type DisclosureFinding } from '../computed/disclosure';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import type {} from '../gather/auth-probe-missing'; // its EvidenceMap entry (types only: rules do no I/O)
import type {} from '../gather/auth-probe-forged'; // its EvidenceMap entry (types only: rules do no I/O)
import type {} from '../gather/malformed-probe'; // its EvidenceMap entry (types only: rules do no I/O)
import type { ProbeAnswer } from '../gather/auth-probe';

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
    description: 'The answers to the probes should be short rejections: to the auth probes, and to a request whose JSON body is cut short, which web frameworks answer before any authentication runs. Stack traces, file paths and exception names in a public answer tell an attacker how the bot is built and where it breaks. HTML error pages are read with their tags removed and JSON bodies with their strings unescaped.',
    severity: 'warning',
    requiredEvidence: ['AuthProbeMissingToken'],
    optionalEvidence: ['AuthProbeForgedToken', 'MalformedBodyProbe'],
    messages: {
      clean: 'No stack traces or framework internals in the {{count}} answer(s) received.',
      leaks: 'The answers reveal {{summary}}.',
      notProbed: 'Not checked: no answer was received to inspect.',
    },
    remediation: {
      leaks: 'Answer errors with a status code and a short generic message, and log the details on the server only: for Node.js (Express, which botbuilder, the Agents SDK\'s startServer and the Teams SDK all use), set NODE_ENV=production on the host, which makes Express\'s default error page show only the status text, or add an error handler that does not send err.stack; in ASP.NET Core, do not use the developer exception page outside development; in Python frameworks, turn debug mode off.',
    },
    sources: [SOURCES.owaspErrors],
  },
  evaluate({ AuthProbeMissingToken: missing, AuthProbeForgedToken: forged, MalformedBodyProbe: malformed }) {
    const answers: Array<{ where: string; a: Extract<ProbeAnswer, { ok: true }> }> = [];
    for (const p of [missing, forged]) {
      if (!p || !p.probed) continue;
      if (p.ok) answers.push({ where: `the ${p.kind} message answer (HTTP ${p.status})`, a: p });
      if (p.invoke.ok) answers.push({ where: `the ${p.kind} invoke answer (HTTP ${p.invoke.status})`, a: p.invoke });
    }
    if (malformed?.probed && malformed.ok) answers.push({ where: `the answer to a cut-short JSON body (HTTP ${malformed.status})`, a: malformed });
    if (!answers.length) return { status: 'skip', messageId: 'notProbed', evidence: json({}) };
    const findings: DisclosureFinding[] = [];
    for (const { where, a } of answers) {
      findings.push(...scanBody(a.body, where, a.headers), ...scanHeaders(a.headers, where));
    }
    const serious = findings.filter((f) => f.kind !== 'version-header');
    const details: Detail[] = findings.map((f) => ({ message: `${KIND_TEXT[f.kind]} in ${f.where}: ${f.match}`, status: f.kind === 'version-header' ? 'info' : 'warn' }));
    const evidence = json({ answers: answers.map(({ where, a }) => ({ where, status: a.status, bodyBytes: a.bodyBytes })), findings });
    if (!serious.length) return { status: 'pass', messageId: 'clean', data: msg({ count: answers.length }), evidence, ...(details.length ? { details } : {}) };
    const kinds = [...new Set(serious.map((f) => KIND_TEXT[f.kind]))];
    return { status: 'warn', messageId: 'leaks', data: msg({ summary: `${kinds.join(', ')} (in ${[...new Set(serious.map((f) => f.where))].join(' and ')})` }), evidence, details };
  },
});
