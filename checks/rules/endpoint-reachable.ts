import { defineCheck } from '../core/define-check';
import { SOURCES } from '../data/sources';
import { json, msg } from '../computed/json';
import { notProbedGuard } from '../computed/guards';
import { phaseText } from '../computed/not-probed';
import type {} from '../gather/auth-probe-missing'; // its EvidenceMap entry (types only: rules do no I/O)

export default defineCheck({
  meta: {
    id: 'endpoint-reachable',
    suite: 'endpoint',
    title: 'Endpoint answers an HTTPS POST',
    failureTitle: 'Endpoint does not answer an HTTPS POST',
    description: 'The Bot Connector POSTs every activity to the messaging endpoint. The connection, the TLS handshake and the HTTP answer must all complete in time, whatever the status code.',
    severity: 'error',
    requiredEvidence: ['AuthProbeMissingToken'],
    guards: [notProbedGuard('AuthProbeMissingToken')],
    messages: {
      answered: 'A POST to {{url}} was answered with HTTP {{status}} in {{ms}} ms (connect {{connectMs}} ms, TLS {{tlsMs}} ms, waiting {{firstByteMs}} ms).',
      refused: 'The connection to {{url}} was refused ({{code}}): nothing listens on that port, or a firewall rejects the connection.',
      connectTimeout: 'The TCP connection to {{url}} did not open within {{timeoutMs}} ms: the host or a firewall drops the packets.',
      tlsFailed: 'The TLS handshake with {{url}} failed ({{code}}): {{message}}',
      tlsTimeout: 'The TLS handshake with {{url}} did not finish within {{timeoutMs}} ms.',
      noAnswer: 'The endpoint accepted the POST but sent no answer within {{timeoutMs}} ms.',
      failed: '{{phase}} failed ({{code}}): {{message}}',
    },
    remediation: {
      refused: 'Check that the bot is running and listens on the port of the URL, and that network security groups, firewalls or access restrictions let inbound HTTPS from the internet through (the Bot Connector has no published IP list to allow).',
      connectTimeout: 'Check that the host is up and that inbound TCP to this port is allowed from the internet; a silently dropping firewall rule or a wrong public IP gives this.',
      tlsFailed: 'Make sure the server offers TLS 1.2 with a certificate for this host name; see tls-protocol-version and the tls-certificate checks for details.',
      tlsTimeout: 'Something accepts the TCP connection but does not speak TLS on it: check that the port serves HTTPS (not plain HTTP) and that any load balancer forwards to the right backend port.',
      noAnswer: 'The bot (or a proxy in front of it) hangs on the request. Check the application logs for the probe request; a bot must answer each activity quickly, because the service times out after 10 to 15 seconds, depending on the channel.',
      failed: 'Check that the port speaks the protocol of the URL: a server that closes the connection or answers with something unreadable is often TLS answering plain http:// (or plain HTTP behind an https:// URL), or a proxy or load balancer in front of the bot dropping the request. Then look for this request in the logs of the bot and of anything in front of it.',
    },
    sources: [SOURCES.securityFaq, SOURCES.channelWindow],
  },
  evaluate({ AuthProbeMissingToken: p }) {
    // The message probe's answer, or the invoke's when only that came (a bot whose reply hangs).
    const a = p.ok ? p : p.invoke.ok ? p.invoke : undefined;
    if (a) {
      const t = a.timings;
      return {
        status: 'pass',
        messageId: 'answered',
        data: msg({ url: p.url, status: a.status, ms: t.totalMs, connectMs: t.connectMs, tlsMs: t.tlsMs ?? 0, firstByteMs: t.firstByteMs }),
        evidence: json({ url: p.url, status: a.status, timings: t, hops: a.hops, ...(a.address ? { address: a.address } : {}), ...(a.proxy ? { proxy: a.proxy } : {}), ...(a.tls ? { tls: a.tls } : {}) }),
      };
    }
    const f = !p.ok ? p.failure : p.invoke.ok ? undefined : p.invoke.failure;
    if (!f) throw new Error('unreachable: an answer was received');
    const evidence = json({ url: p.url, failure: f });
    const data = msg({ url: p.url, code: f.osCode ?? f.code, message: f.message, timeoutMs: f.timeoutMs ?? 0, phase: phaseText(f.phase).replace(/^./, (c) => c.toUpperCase()) });
    const timeout = f.code === 'CHK_ERR_PROBE_TIMEOUT';
    if (f.phase === 'connect' && !timeout && f.osCode === 'ECONNREFUSED') return { status: 'fail', messageId: 'refused', data, evidence };
    if (f.phase === 'connect' && timeout) return { status: 'fail', messageId: 'connectTimeout', data, evidence };
    if (f.phase === 'tls') return { status: 'fail', messageId: timeout ? 'tlsTimeout' : 'tlsFailed', data, evidence };
    if (f.phase === 'firstByte' && timeout) return { status: 'fail', messageId: 'noAnswer', data, evidence };
    return { status: 'fail', messageId: 'failed', data, evidence };
  },
});
