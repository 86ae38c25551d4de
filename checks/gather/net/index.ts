/**
 * Safe networking for every gatherer (and the HTTP API). Node only.
 *
 * The guard: a target host is resolved ONCE (through an injectable `lookup`), every address it
 * resolves to is classified, and the connection goes to an address that was checked, so a
 * second lookup can never steer it elsewhere. SNI and the Host header stay the host name.
 *
 *   classifyAddress(text)            -> { address, family, class } | undefined   (IP literals in any
 *                                       IPv4 form: 2130706433, 0x7f.1, 0177.0.0.1; IPv4-mapped IPv6)
 *   isAllowedClass(class, allowPrivate)
 *        'public' always; 'metadata' (169.254.169.254, fd00:ec2::254, ...) never; loopback,
 *        private (RFC 1918), link-local, cgnat (100.64/10), unique-local (fc00::/7), multicast,
 *        unspecified (0.0.0.0/8, ::), broadcast, reserved, documentation only with allowPrivate.
 *   resolveHost(host, { lookup?, timeoutMs?, signal? })  -> Resolution (all addresses, classified)
 *   chooseAddress(resolution, { allowPrivate })            -> first address; AddressRefusedError if ANY is refused
 *   connectTcp(host, port, GuardOptions)                   -> TcpConnection (socket, checked address, timings)
 *   connectTls(host, port, GuardOptions & TlsParams)       -> TlsConnection (TLSSocket after the handshake)
 *        TlsParams: ca (extra roots, PEM; `caOnly` to trust only them), rejectUnauthorized (default
 *        true), minVersion/maxVersion, ciphers, servername.
 *   safeRequest(url, SafeRequestOptions)                   -> SafeResponse (status, headers, capped body,
 *        every hop, TLS info, timings). Never follows a redirect unless `maxRedirects` > 0; then
 *        each target is guarded again and fetched with GET, no body, no Authorization.
 *   proxySettingsFromEnv(env) -> ProxySettings | undefined  (HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY, read once)
 *   proxyForTarget(settings, url) -> ProxyConfig | undefined (the one proxy chooser, per target)
 *        Pass it as `proxy`: requests go through undici's ProxyAgent, raw TLS through a CONNECT
 *        tunnel, and results carry `proxy` (origin, no credentials). The proxy resolves names,
 *        so through a proxy only IP-literal hosts are guarded. The API never passes a proxy.
 *
 * Limits: `timeouts` per phase (dns, connect, tls, firstByte, body; a number caps all of them;
 * defaults in DEFAULT_TIMEOUTS) and `maxBodyBytes` (default 64 KiB, the rest is dropped and
 * `truncated` set). `signal` aborts anything in flight.
 *
 * Errors (branch on `code`):
 *   AddressRefusedError  CHK_ERR_ADDRESS_REFUSED   details { host, address, class }
 *   PhaseTimeoutError    CHK_ERR_PROBE_TIMEOUT     .phase, .timeoutMs
 *   PhaseNetworkError    CHK_ERR_PROBE_NETWORK     .phase, .osCode (ECONNREFUSED, ENOTFOUND, ERR_SSL_...)
 * An HTTP answer of any status is a result, not an error.
 */
export { classifyAddress, isAllowedClass, parseIPv4Loose, type AddressClass, type ClassifiedAddress } from './address';
export { AddressRefusedError, PhaseNetworkError, PhaseTimeoutError, phaseLabel, type NetPhase } from './errors';
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUTS, linkedDeadline, phaseTimeouts, type Deadline, type PhaseTimeouts } from './timeouts';
export { chooseAddress, resolveHost, systemLookup, type LookupFn, type Resolution, type ResolveOptions } from './resolve';
export { connectTcp, connectTls, trustStore, type GuardOptions, type TcpConnection, type TlsConnection, type TlsParams, type ConnectionTimings } from './connect';
export { safeRequest, USER_AGENT, type SafeRequestOptions, type SafeResponse, type Hop, type HopTimings, type RedirectNote, type TlsInfo } from './request';
export { bypassesProxy, describeProxy, proxyForTarget, proxySettingsFromEnv, type ProxyConfig, type ProxySettings } from './proxy';
