import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option } from 'commander';
import type { RegisterCommand } from '../command';
import { shippedSite } from '../docs-location';
import { readCaFile } from '../run-suite';
import { UsageError } from '../usage-error';
import { createApiServer } from '../../server/app';
import { DEFAULT_ALLOWED_PORTS } from '../../server/guard';
import { checkRedisUrl, describeRedisUrl, REDIS_URL_ENV } from '../../server/shared-limits';
import { parseTrustProxy, TrustProxyError } from '../../server/trust-proxy';

interface ServeFlags {
  port: string;
  host: string;
  allowPrivate?: boolean;
  allowPort?: string;
  site?: string;
  trustProxy?: string | true;
  ca?: string;
  allowedHost?: string;
  logLevel: string;
}

function parsePort(value: string, what: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 0 || n > 65_535) {
    throw new UsageError(`${what} "${value}" is not a port number (0-65535).`);
  }
  return n;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** `--trust-proxy` names the proxies to trust; bare, it would trust every hop, which it refuses. */
function trustProxyFlag(value: string | true | undefined): number | string[] | undefined {
  if (value === undefined) return undefined;
  if (value === true) throw new UsageError('--trust-proxy needs the proxies to trust: a hop count (e.g. --trust-proxy 1 behind one proxy) or their addresses (e.g. --trust-proxy 10.0.0.5,10.0.1.0/24).');
  try {
    return parseTrustProxy(value);
  } catch (err) {
    if (err instanceof TrustProxyError) throw new UsageError(`--trust-proxy: ${err.message}`);
    throw err;
  }
}

/** Stops when the process is asked to (Ctrl+C, a service manager). */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    const on = (sig: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      done(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** `botflow serve`: the built site and the API from one process, in production mode. */
const register: RegisterCommand = (program, ctx) => {
  program
    .command('serve')
    .description('serve the built site (npm run build) and the check API from one process (production mode)')
    .option('--port <port>', 'port to listen on', '3000')
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--allow-private', 'let the API check loopback and private targets (local use only; also BOTFLOW_ALLOW_PRIVATE=1)')
    .option('--allow-port <ports>', `extra target ports the API may connect to, comma-separated (default only ${DEFAULT_ALLOWED_PORTS.join(' and ')})`)
    .option('--site <dir>', 'directory of the built site (default: the site shipped with this botflow, else ./build)')
    .option('--ca <file>', 'extra root certificates (PEM) the runs trust, e.g. a private test CA (also BOTFLOW_CA)')
    .option('--allowed-host <names>', 'with --allow-private: host names (comma-separated) besides localhost that the API answers (DNS-rebinding guard)')
    .option('--trust-proxy [proxies]', 'the proxies in front whose X-Forwarded-For names the client: a hop count (1 for one proxy) or their addresses/CIDR blocks, comma-separated (default: none, the connection\'s address is the client)')
    .addOption(new Option('--log-level <level>', 'log level of the JSON logs on stdout').choices(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'))
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port, '--port');
      const extraPorts = flags.allowPort
        ? flags.allowPort.split(',').map((p) => p.trim()).filter(Boolean).map((p) => parsePort(p, '--allow-port'))
        : [];
      const siteDir = resolve(ctx.io.cwd, flags.site ?? shippedSite(ctx.io) ?? 'build');
      if (!existsSync(siteDir) || !statSync(siteDir).isDirectory() || !existsSync(resolve(siteDir, 'index.html'))) {
        throw new UsageError(`the built site is missing: ${siteDir} has no index.html. Run "npm run build" first (or pass --site <dir>).`);
      }
      const allowPrivate = Boolean(flags.allowPrivate) || truthy(ctx.io.env.BOTFLOW_ALLOW_PRIVATE);
      const trustProxy = trustProxyFlag(flags.trustProxy);
      const redisUrl = ctx.io.env[REDIS_URL_ENV]?.trim() || undefined;
      if (redisUrl) {
        try { checkRedisUrl(redisUrl); } catch (err) { throw new UsageError((err as Error).message); }
      }
      const caPath = flags.ca ?? ctx.io.env.BOTFLOW_CA;
      const ca = caPath ? await readCaFile(caPath, ctx.io.cwd) : undefined;
      const app = await createApiServer({
        mode: 'production',
        allowPrivate,
        ...(allowPrivate ? {} : { allowedPorts: [...new Set([...DEFAULT_ALLOWED_PORTS, ...extraPorts])] }),
        siteDir,
        ...(ca && caPath ? { ca, caFile: resolve(ctx.io.cwd, caPath) } : {}),
        ...(flags.allowedHost ? { allowedHosts: flags.allowedHost.split(',').map((h) => h.trim()).filter(Boolean) } : {}),
        logger: { level: flags.logLevel },
        ...(trustProxy !== undefined ? { trustProxy } : {}),
        ...(redisUrl ? { redisUrl } : {}),
      });
      let address: string;
      try {
        address = await app.listen({ port, host: flags.host });
      } catch (err) {
        await app.close();
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${flags.host} is in use. Stop what uses it or pass --port <another>.`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${flags.host}: it is not an address of this machine. Use --host 127.0.0.1 or 0.0.0.0.`);
        if (code === 'EACCES') throw new UsageError(`not allowed to listen on port ${port}. Choose a port above 1023.`);
        throw err;
      }
      const loopbackOnly = ['127.0.0.1', '::1', 'localhost'].includes(flags.host);
      if (allowPrivate && !loopbackOnly) {
        ctx.io.stderr.write(`botflow: warning: private targets are allowed and the server listens on ${flags.host}: anyone who can reach it can make it probe your internal network. Use --host 127.0.0.1 for local checks.\n`);
      }
      const shown = address.replace('://127.0.0.1', '://localhost');
      const limits = redisUrl ? `per-client limits shared through Redis at ${describeRedisUrl(redisUrl)}` : 'per-client limits in memory';
      const proxies = trustProxy === undefined ? 'no proxy trusted' : typeof trustProxy === 'number' ? `trusting ${trustProxy} proxy hop${trustProxy === 1 ? '' : 's'}` : `trusting proxies ${trustProxy.join(', ')}`;
      ctx.io.stderr.write(`botflow: serving the site and the API on ${shown} (production mode; ${allowPrivate ? 'private targets ALLOWED' : 'private targets refused'}; ${limits}; ${proxies}). Ctrl+C stops.\n`);
      const signal = await untilSignal();
      ctx.io.stderr.write(`botflow: ${signal} received, stopping.\n`);
      await app.close();
    });
};
export default register;
