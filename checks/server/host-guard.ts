/**
 * DNS-rebinding guard for an API that allows private targets (development, or `serve
 * --allow-private`). A web page on another site can point its own name at 127.0.0.1 and then
 * call this API "same-origin" from the reader's browser, making it probe the reader's network.
 * Such requests carry the attacker's name in the Host header, so while private targets are
 * allowed the API only answers requests addressed to a loopback name or an allowed host.
 */
import { classifyAddress } from '../gather/net/address';

/** The host name of a Host header value (no port, no brackets, lower case). */
export function hostNameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(1, end) : undefined;
  }
  const colon = h.indexOf(':');
  return (colon >= 0 ? h.slice(0, colon) : h).replace(/\.$/, '');
}

export function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return classifyAddress(name)?.class === 'loopback';
}

export function isHostAllowed(hostHeader: string | undefined, allowedHosts: readonly string[]): boolean {
  const name = hostNameOf(hostHeader);
  if (!name) return false;
  return isLoopbackName(name) || allowedHosts.some((a) => a.toLowerCase() === name);
}
