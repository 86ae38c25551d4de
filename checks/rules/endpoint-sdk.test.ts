import { SDK_NAMES } from '../computed/sdk-identity';
import { runCheckTable } from '../testing/check-tester';
import { goodAuthProbe, goodMalformedProbe } from '../testing/endpoint-evidence';
import { capturedEvidence } from '../testing/sdk-answers';
import check from './endpoint-sdk';

const real = (sdk: 'botbuilder' | 'agents' | 'teams', mode: 'authenticated' | 'anonymous' | 'unconfigured', nodeEnv: 'development' | 'production' = 'development') =>
  capturedEvidence({ sdk, mode, egress: 'answer', nodeEnv });
const plain = { status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized' };

runCheckTable(check, {
  base: { AuthProbeMissingToken: goodAuthProbe('missing-token'), AuthProbeForgedToken: goodAuthProbe('forged-token'), MalformedBodyProbe: goodMalformedProbe },
  valid: [
    ...(['botbuilder', 'agents', 'teams'] as const).flatMap((sdk) => (['authenticated', 'anonymous'] as const).flatMap((mode) => (['development', 'production'] as const)
      .filter((env) => !(sdk === 'agents' && mode === 'anonymous' && env === 'production')) // the Agents SDK does not start so
      .map((env) => ({ name: `real ${sdk} bot, ${mode}, ${env}`, status: 'info' as const, messageId: 'identified', evidence: real(sdk, mode, env), data: { sdk: SDK_NAMES[sdk] } })))),
    { name: 'real Teams SDK bot without credentials', status: 'info', messageId: 'identified', evidence: real('teams', 'unconfigured'), data: { sdk: SDK_NAMES.teams } },
    { name: 'a server without an SDK signature', status: 'info', messageId: 'unknown', evidence: { AuthProbeMissingToken: { ...plain, invoke: plain }, AuthProbeForgedToken: { ...plain, invoke: plain } }, data: { signals: '' } },
    {
      name: 'signals that disagree', status: 'info', messageId: 'unknown',
      evidence: { AuthProbeMissingToken: { ...plain, body: '{"jwt-auth-error":"x"}', invoke: plain }, AuthProbeForgedToken: { ...plain, body: '{"error":"JWT validation failed"}', invoke: plain } },
    },
    { name: 'nothing answered', status: 'skip', messageId: 'notProbed', evidence: { AuthProbeMissingToken: { probed: false, reason: 'dns-failed' }, AuthProbeForgedToken: { probed: false, reason: 'dns-failed' }, MalformedBodyProbe: { probed: false, reason: 'dns-failed' } } },
  ],
  invalid: [],
});
