/**
 * Name resolution through an injectable lookup, with a timeout, and the address guard.
 */
import { promises as dns } from 'node:dns';
import { classifyAddress, isAllowedClass, type ClassifiedAddress } from './address';
import { addressRefused, PhaseNetworkError, PhaseTimeoutError } from './errors';
import { monotonicMs } from '../../core/clock';

/** Resolves a host name to addresses (like `dns.promises.lookup(host, { all: true })`). */
export type LookupFn = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

export const systemLookup: LookupFn = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export interface Resolution {
  /** The host as given (brackets removed). */
  host: string;
  /** True when the host was an IP literal (no lookup happened). */
  literal: boolean;
  /** Every address, classified, in the resolver's order (duplicates removed). */
  addresses: ClassifiedAddress[];
  durationMs: number;
}

export interface ResolveOptions {
  lookup?: LookupFn;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENODATA', 'ESERVFAIL', 'EREFUSED', 'ENONAME', 'EAI_NONAME', 'EAI_FAIL']);

/** Resolves `host` (a name or an IP literal in any form) and classifies every address. */
export async function resolveHost(host: string, options: ResolveOptions = {}): Promise<Resolution> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const t0 = monotonicMs();
  const literal = classifyAddress(bare);
  if (literal) return { host: bare, literal: true, addresses: [literal], durationMs: 0 };
  const lookup = options.lookup ?? systemLookup;
  const timeoutMs = options.timeoutMs ?? 5_000;
  options.signal?.throwIfAborted();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const raw = await Promise.race([
      lookup(bare),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PhaseTimeoutError('dns', timeoutMs, bare)), timeoutMs);
        onAbort = () => reject(options.signal?.reason ?? new Error('aborted'));
        options.signal?.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
    const seen = new Set<string>();
    const addresses: ClassifiedAddress[] = [];
    for (const entry of raw) {
      const c = classifyAddress(entry.address);
      if (!c || seen.has(c.address)) continue;
      seen.add(c.address);
      addresses.push(c);
    }
    if (addresses.length === 0) throw new PhaseNetworkError('dns', 'ENODATA', `${bare} has no A or AAAA records.`);
    return { host: bare, literal: false, addresses, durationMs: Math.round(monotonicMs() - t0) };
  } catch (err) {
    if (err instanceof PhaseTimeoutError || err instanceof PhaseNetworkError) throw err;
    const code = (err as NodeJS.ErrnoException)?.code;
    if (typeof code === 'string' && DNS_CODES.has(code)) {
      throw new PhaseNetworkError('dns', code, `${bare} does not resolve (${code}).`, { cause: err });
    }
    if (options.signal?.aborted) throw err;
    throw new PhaseNetworkError('dns', typeof code === 'string' ? code : 'EDNS', `Resolving ${bare} failed: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The guard: returns the address to connect to (the first one), or throws AddressRefusedError
 * when ANY resolved address is refused. A name that mixes public and private addresses is
 * refused as a whole, so a rebinding resolver cannot steer one of several connections inside.
 */
export function chooseAddress(resolution: Resolution, policy: { allowPrivate?: boolean } = {}): ClassifiedAddress {
  for (const a of resolution.addresses) {
    if (!isAllowedClass(a.class, Boolean(policy.allowPrivate))) throw addressRefused(resolution.host, a.address, a.class);
  }
  return resolution.addresses[0] as ClassifiedAddress;
}
