/**
 * Typed errors of the networking module. Codes come from checks/core/errors (callers branch on
 * `code`); `phase` says which step of the probe failed.
 */
import { AddressRefusedError, ProbeNetworkError, ProbeTimeoutError } from '../../core/errors';
import type { AddressClass } from './address';

export type NetPhase = 'dns' | 'connect' | 'proxy' | 'tls' | 'firstByte' | 'body';

export { AddressRefusedError };

/** A phase did not finish in time. `code` is CHK_ERR_PROBE_TIMEOUT. */
export class PhaseTimeoutError extends ProbeTimeoutError {
  readonly phase: NetPhase;
  readonly timeoutMs: number;
  constructor(phase: NetPhase, timeoutMs: number, target: string) {
    super(`${phaseLabel(phase)} for ${target} did not finish within ${timeoutMs} ms.`, { details: { phase, timeoutMs } });
    this.name = 'ProbeTimeoutError';
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}

/** A phase failed on the network (refused, reset, DNS not found, TLS alert). `code` is CHK_ERR_PROBE_NETWORK. */
export class PhaseNetworkError extends ProbeNetworkError {
  readonly phase: NetPhase;
  /** Node's or OpenSSL's code, e.g. ECONNREFUSED, ENOTFOUND, ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION. */
  readonly osCode: string;
  constructor(phase: NetPhase, osCode: string, message: string, options?: { cause?: unknown }) {
    super(message, { ...(options?.cause !== undefined ? { cause: options.cause } : {}), details: { phase, osCode } });
    this.name = 'ProbeNetworkError';
    this.phase = phase;
    this.osCode = osCode;
  }
}

/** Thrown when a target resolves to an address the policy refuses. `code` is CHK_ERR_ADDRESS_REFUSED. */
export function addressRefused(host: string, address: string, cls: AddressClass): AddressRefusedError {
  const why = cls === 'metadata'
    ? 'a cloud instance metadata address, which is never probed'
    : `a ${cls} address; use --allow-private to check a local bot`;
  return new AddressRefusedError(`${host} resolves to ${address}, ${why}.`, { details: { host, address, class: cls } });
}

export function phaseLabel(phase: NetPhase): string {
  switch (phase) {
    case 'dns': return 'DNS resolution';
    case 'connect': return 'TCP connection';
    case 'proxy': return 'Proxy tunnel';
    case 'tls': return 'TLS handshake';
    case 'firstByte': return 'Waiting for the response';
    case 'body': return 'Reading the response body';
  }
}
