/**
 * Which bot SDK most likely answered the probes, from what each SDK's own code sends back
 * (read from their source; see docs/checks/endpoint-sdk.mdx): the bodies of its rejections, the
 * shape of its expectReplies and invoke answers, and the package paths in a stack trace. Pure.
 * Each signal names one SDK; the SDK with the most signals wins, and a tie or no signal at all
 * is `unknown`. The result is evidence, not proof: a gateway or custom code can mimic any of it.
 */
import type { AuthProbeEvidence, ProbeAnswer } from '../gather/auth-probe';
import type { MalformedBodyEvidence } from '../gather/malformed-probe';
import { decodedText } from './disclosure';

export type BotSdk = 'botbuilder' | 'agents' | 'teams';
export type SdkGuess = BotSdk | 'unknown';

export const SDK_NAMES: Record<BotSdk, string> = {
  botbuilder: 'Bot Framework SDK (botbuilder)',
  agents: 'Microsoft 365 Agents SDK',
  teams: 'Teams SDK',
};

export interface SdkSignal {
  sdk: BotSdk;
  /** What was seen, in words, with where it was seen. */
  signal: string;
}

export interface SdkIdentity {
  sdk: SdkGuess;
  signals: SdkSignal[];
  /** A version, when an answer shows one (a versioned package path). */
  version?: string;
}

type Answered = Extract<ProbeAnswer, { ok: true }>;

/** Rejection texts botframework-connector's AuthenticationError carries, which CloudAdapter sends as the body. */
const BOTBUILDER_AUTH_TEXTS = [
  'Unauthorized Access. Request is not authorized',
  'Signing Key could not be retrieved.',
  'Token Not Authenticated',
  'Token Expired',
  'Unauthorized. Invalid AppId passed on token',
  'Unauthorized. Unknown Message Type',
  'Unauthorized. Issuer claim MUST be present.',
  'Unauthorized. Invalid serviceurl passed on token',
  'Unauthorized. ServiceUrl claim should be present',
  'Token Not Authenticated. Extracted token was not a valid JWT.',
  'No valid identity.',
];

/** The Teams SDK's HttpServer rejection messages (`{"error": ...}`), and its Express middleware's plain texts. */
const TEAMS_JSON_ERRORS = ['Missing authorization header', 'JWT validation failed', 'Authentication not configured'];
const TEAMS_TEXT_BODIES = ['unauthorized', 'Invalid token', 'Authentication not configured'];

const PACKAGE_PATHS: Array<{ sdk: BotSdk; re: RegExp }> = [
  { sdk: 'agents', re: /@microsoft[\\/+]agents-hosting(?:-express)?(?:@(\d+\.\d+\.\d+))?/ },
  { sdk: 'teams', re: /@microsoft[\\/+]teams\.(?:apps|api|common)(?:@(\d+\.\d+\.\d+))?/ },
  { sdk: 'botbuilder', re: /node_modules[\\/](?:botbuilder|botframework-connector)(?:@(\d+\.\d+\.\d+))?[\\/]/ },
  { sdk: 'botbuilder', re: /Microsoft\.Bot\.(?:Builder|Connector)\b/ },
  { sdk: 'agents', re: /Microsoft\.Agents\.(?:Hosting|Builder)\b/ },
  { sdk: 'teams', re: /Microsoft\.Teams\.(?:Apps|Api)\b/ },
];

function jsonObject(body: string): Record<string, unknown> | undefined {
  const text = body.trim();
  if (!text.startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch { return undefined; }
}

function answersOf(e: AuthProbeEvidence | MalformedBodyEvidence | undefined, label: string): Array<{ a: Answered; where: string; activity: 'message' | 'invoke' | 'body' }> {
  if (!e || !e.probed) return [];
  const out: Array<{ a: Answered; where: string; activity: 'message' | 'invoke' | 'body' }> = [];
  if (e.ok) out.push({ a: e, where: 'invoke' in e ? `the ${label} message` : `the ${label}`, activity: 'invoke' in e ? 'message' : 'body' });
  if ('invoke' in e && e.invoke.ok) out.push({ a: e.invoke, where: `the ${label} invoke`, activity: 'invoke' });
  return out;
}

/** The signals one answer gives. */
function signalsOf(a: Answered, where: string, activity: 'message' | 'invoke' | 'body'): { signals: SdkSignal[]; version?: string } {
  const signals: SdkSignal[] = [];
  let version: string | undefined;
  const body = a.body.trim();
  const json = jsonObject(body);
  const contentType = (a.headers['content-type'] ?? '').toLowerCase();
  if (json && typeof json['jwt-auth-error'] === 'string') {
    signals.push({ sdk: 'agents', signal: `${where} answer has the Agents SDK's {"jwt-auth-error": ...} body (HTTP ${a.status})` });
  }
  if (json && typeof json.error === 'string' && TEAMS_JSON_ERRORS.includes(json.error) && Object.keys(json).length === 1) {
    signals.push({ sdk: 'teams', signal: `${where} answer has the Teams SDK's {"error": "${json.error}"} body (HTTP ${a.status})` });
  }
  if (a.status === 401 && TEAMS_TEXT_BODIES.includes(body)) {
    signals.push({ sdk: 'teams', signal: `${where} answer is the Teams SDK middleware's "${body}" (HTTP 401)` });
  }
  if ((a.status === 401 || a.status === 500) && BOTBUILDER_AUTH_TEXTS.some((t) => body.startsWith(t))) {
    signals.push({ sdk: 'botbuilder', signal: `${where} answer is botframework-connector's "${body.slice(0, 60)}" (HTTP ${a.status})` });
  }
  if (activity === 'message' && a.status >= 200 && a.status < 300 && json && Array.isArray(json.activities)) {
    const first = json.activities[0] as Record<string, unknown> | undefined;
    if (first && '_channelId' in first) signals.push({ sdk: 'agents', signal: `${where} answer lists the replies with the Agents SDK's "_channelId" field (expectReplies)` });
    else if (first && 'channelId' in first) signals.push({ sdk: 'botbuilder', signal: `${where} answer lists the replies in botbuilder's shape (expectReplies)` });
  }
  if (activity === 'invoke' && a.status === 501 && body === '') {
    signals.push(contentType.includes('application/json')
      ? { sdk: 'agents', signal: `${where} answer is 501 with an empty JSON body, as the Agents SDK's adapter answers an invoke no handler took` }
      : { sdk: 'botbuilder', signal: `${where} answer is 501 with no body, as botbuilder's adapter answers an invoke no handler took` });
  }
  if (activity === 'invoke' && a.status === 200 && body === '' && !contentType) {
    signals.push({ sdk: 'teams', signal: `${where} answer is 200 with no body, as the Teams SDK's App answers an invoke no handler took` });
  }
  if (a.status >= 400) {
    const text = decodedText(a.body, a.headers);
    for (const p of PACKAGE_PATHS) {
      const m = p.re.exec(text);
      if (!m) continue;
      signals.push({ sdk: p.sdk, signal: `${where} answer shows the package path "${m[0]}" in a stack trace` });
      if (m[1]) version = m[1];
    }
  }
  return { signals, ...(version ? { version } : {}) };
}

export function identifySdk(
  probes: ReadonlyArray<{ evidence: AuthProbeEvidence | MalformedBodyEvidence | undefined; label: string }>,
): SdkIdentity {
  const signals: SdkSignal[] = [];
  const versions = new Map<BotSdk, string>();
  for (const p of probes) {
    for (const { a, where, activity } of answersOf(p.evidence, p.label)) {
      const found = signalsOf(a, where, activity);
      signals.push(...found.signals);
      const sdk = found.signals.at(-1)?.sdk;
      if (found.version && sdk) versions.set(sdk, found.version);
    }
  }
  const count = (sdk: BotSdk): number => signals.filter((s) => s.sdk === sdk).length;
  const ranked = (['botbuilder', 'agents', 'teams'] as const).map((sdk) => ({ sdk, n: count(sdk) })).sort((x, y) => y.n - x.n);
  const [best, second] = ranked;
  const sdk: SdkGuess = best && best.n > 0 && (!second || second.n < best.n) ? best.sdk : 'unknown';
  const version = sdk !== 'unknown' ? versions.get(sdk) : undefined;
  return { sdk, signals, ...(version ? { version } : {}) };
}
