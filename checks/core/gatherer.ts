import type { CheckInput, EvidenceId, EvidenceMap } from './evidence';
import type { Environment } from './types';

export interface RunOptions {
  /** Allow loopback/private targets (local development, tests). Off by default. */
  allowPrivate?: boolean;
  /** Extra PEM roots to trust (private test CAs). */
  ca?: string;
  /**
   * Cap in ms on EACH network step of a probe (DNS, connect, TLS, first byte, body): `--timeout`
   * and the API's `timeout` (checks/core/run-params.ts). Absent: the per-step defaults. The cap
   * on a whole gatherer is the runner's `gathererTimeoutMs`, derived from this one.
   */
  phaseTimeoutMs?: number;
  /** HTTP proxy for network probes (the CLI sets it from HTTPS_PROXY/NO_PROXY; the API never does). */
  proxy?: { url: string; httpUrl?: string; noProxy?: string };
  /** Name resolver for network probes (tests and the API inject one; default: the system resolver). */
  lookup?: (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;
  /**
   * Secrets the credential gatherers send (CLI only; the API never sets them). They never enter
   * the input, evidence, messages or the report; the CLI also scrubs them from what it prints.
   */
  credentials?: Readonly<Credentials>;
}

export interface Credentials {
  /** Bearer token for Azure Resource Manager (live registration mode). */
  armToken?: string;
  /** The bot's client secret (the credentials suite). */
  clientSecret?: string;
  /** Bearer token for Microsoft Graph (the credentials suite, --graph). */
  graphToken?: string;
}

export interface GatherContext {
  input: Readonly<CheckInput>;
  options: Readonly<RunOptions>;
  signal: AbortSignal;
  environment: Environment;
  now(): Date;
  /** Evidence of another gatherer, gathered once per run and shared. */
  get<K extends EvidenceId>(id: K): Promise<EvidenceMap[K]>;
}

export interface Gatherer<K extends EvidenceId = EvidenceId> {
  id: K;
  environments: readonly Environment[];
  /** Overrides the run's per-gatherer timeout. */
  timeoutMs?: number;
  gather(ctx: GatherContext): Promise<EvidenceMap[K]>;
}

export function defineGatherer<K extends EvidenceId>(gatherer: Gatherer<K>): Gatherer<K> {
  return gatherer;
}

/** The loose shape suites and the runner hold. */
export interface AnyGatherer {
  id: string;
  environments: readonly Environment[];
  timeoutMs?: number;
  gather(ctx: GatherContext): Promise<unknown>;
}
