/**
 * The API's up-front guard on what a request asks the server to contact. It refuses early and
 * clearly (400 with the field): secrets in URLs (secret-input.ts walks every field), ports outside the allowed set,
 * and targets whose addresses the safe-networking module refuses.
 *
 * Each name is resolved ONCE per request: the guard and the run share one `resolveOnce` lookup
 * (the first answer for a name, or its failure, is kept for the rest of the request), so the run
 * connects to exactly the addresses the guard vetted: no second lookup to rebind, no second
 * round trip. The safe-networking module still applies the address rules on every connection
 * and on every redirect target during the run (`allowPrivate` goes into the runner).
 */
import { classifyAddress, isAllowedClass, type AddressClass } from '../gather/net/address';
import { resolveHost, chooseAddress, type LookupFn } from '../gather/net/resolve';
import { isCheckEngineError } from '../core/errors';
import { ApiCodes, ApiError, badInput } from './errors';
import { urlSecretProblem } from './secret-input';

export interface TargetPolicy {
  /** Let loopback/private/link-local/CGNAT/ULA targets through (metadata addresses never). */
  allowPrivate: boolean;
  /** Ports a target may use; `'any'` lifts the rule. */
  allowedPorts: readonly number[] | 'any';
  /** Resolver for the up-front check: the request's `resolveOnce` lookup, shared with its run (default: the system resolver). */
  lookup?: LookupFn;
  /** Limit for the up-front resolution. */
  dnsTimeoutMs?: number;
}

export const DEFAULT_ALLOWED_PORTS: readonly number[] = [443, 8443];

/**
 * A lookup that asks `lookup` at most once per name and answers every later call for that name
 * with the same promise (its addresses, or its failure). One per request: the guard vets what
 * it returns, and the run connects to those same addresses. A name met only during the run (a
 * redirect target) is looked up then, once, and vetted by the run's own guard.
 */
export function resolveOnce(lookup: LookupFn): LookupFn {
  const answers = new Map<string, ReturnType<LookupFn>>();
  return (hostname) => {
    const key = hostname.toLowerCase();
    let answer = answers.get(key);
    if (!answer) {
      answer = Promise.resolve().then(() => lookup(hostname));
      answer.catch(() => undefined);
      answers.set(key, answer);
    }
    return answer;
  };
}

function describeClass(cls: AddressClass): string {
  switch (cls) {
    case 'metadata': return 'a cloud instance metadata address, which is never probed';
    case 'loopback': return 'a loopback address';
    case 'private': return 'a private network address';
    case 'link-local': return 'a link-local address';
    case 'cgnat': return 'a carrier-grade NAT address';
    case 'unique-local': return 'an IPv6 unique local address';
    case 'multicast': return 'a multicast address';
    case 'unspecified': return 'the unspecified address';
    case 'broadcast': return 'the broadcast address';
    case 'documentation': return 'a documentation-only address';
    case 'reserved': return 'a reserved address';
    default: return `a ${cls} address`;
  }
}

function refusedMessage(host: string, address: string, cls: AddressClass, literal: boolean): string {
  const what = literal ? `${host} is ${describeClass(cls)}` : `${host} resolves to ${address}, ${describeClass(cls)}`;
  if (cls === 'metadata') return `${what}. Choose the bot's public messaging endpoint.`;
  return `${what}. This server only checks public endpoints (Teams can only reach those). To check a bot on your own machine, run "botflow endpoint <url> --allow-private", or start this server with "botflow serve --allow-private".`;
}

function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Checks one URL the run will connect to. Throws a 400 ApiError naming `field` when the URL is
 * malformed, carries credentials or keys, uses a port outside the policy, or resolves to an
 * address the policy refuses. A name that does not resolve is let through: the report says so.
 */
export async function checkTargetUrl(field: string, raw: string, policy: TargetPolicy): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput(field, 'This is not an absolute URL. Give the full address, e.g. https://bot.contoso.com/api/messages.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badInput(field, `The scheme "${url.protocol.replace(/:$/, '')}" is not supported. Teams calls bots over https: give an https:// URL.`);
  }
  const secret = urlSecretProblem(url);
  if (secret) {
    throw badInput(field, `This URL ${secret}. The API accepts no secrets: remove it from the URL (the checks do not need it), or run the CLI on your own machine.`, ApiCodes.SECRET_REFUSED);
  }
  const port = effectivePort(url);
  if (policy.allowedPorts !== 'any' && !policy.allowedPorts.includes(port)) {
    const allowed = policy.allowedPorts.join(' and ');
    const hint = url.protocol === 'http:' && !url.port ? ' Teams only calls https endpoints: use an https:// URL.' : '';
    throw badInput(field, `Port ${port} is not allowed here: this server only connects to port${policy.allowedPorts.length === 1 ? '' : 's'} ${allowed}.${hint}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = classifyAddress(host);
  if (literal) {
    if (!isAllowedClass(literal.class, policy.allowPrivate)) {
      throw badInput(field, refusedMessage(url.hostname, literal.address, literal.class, true), ApiCodes.ADDRESS_REFUSED);
    }
    return url;
  }
  let resolution;
  try {
    resolution = await resolveHost(host, { ...(policy.lookup ? { lookup: policy.lookup } : {}), timeoutMs: policy.dnsTimeoutMs ?? 5_000 });
  } catch {
    return url; // not resolvable now: the run reports endpoint-dns
  }
  try {
    chooseAddress(resolution, { allowPrivate: policy.allowPrivate });
  } catch (err) {
    if (isCheckEngineError(err) && err.code === ApiCodes.ADDRESS_REFUSED) {
      const d = (err.details ?? {}) as { address?: string; class?: AddressClass };
      throw badInput(field, refusedMessage(host, d.address ?? '?', d.class ?? 'reserved', false), ApiCodes.ADDRESS_REFUSED);
    }
    throw err;
  }
  return url;
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
