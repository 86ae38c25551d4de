/** Why a probe did not run, in words for a `skip` message. */
import type { NotProbedReason } from '../gather/endpoint-probe-context';
import type { NetPhase } from '../gather/net/errors';

export function notProbedText(reason: NotProbedReason): string {
  switch (reason) {
    case 'invalid-url': return 'the endpoint URL is not usable (see endpoint-https)';
    case 'not-https': return 'the endpoint does not use HTTPS (see endpoint-https)';
    case 'dns-failed': return 'the host name did not resolve (see endpoint-dns)';
    case 'address-refused': return 'the host resolves to a private or local address, which is probed only where private targets are allowed (--allow-private in the CLI, or the local development server; see endpoint-dns)';
    case 'not-given': return 'nothing was given to check';
  }
}

/** The phase of a probe in words ("the TLS handshake"). */
export function phaseText(phase: NetPhase | 'guard'): string {
  switch (phase) {
    case 'dns': return 'the DNS lookup';
    case 'connect': return 'the TCP connection';
    case 'proxy': return 'the proxy tunnel';
    case 'tls': return 'the TLS handshake';
    case 'firstByte': return 'waiting for the response';
    case 'body': return 'reading the response body';
    case 'guard': return 'the address check';
  }
}
