/**
 * A real Bot Framework SDK bot (botbuilder CloudAdapter + ConfigurationBotFrameworkAuthentication)
 * over HTTPS on loopback. Its whole parameterized authentication set points at a local OpenID
 * metadata server whose key the test owns, so the test can mint tokens the bot accepts, while
 * tokens signed by any other key (such as the checks' forged token) are rejected by the SDK's
 * own validation code.
 *
 *   const bot = await startSdkBot();
 *   // bot.url (https://localhost:PORT/api/messages), bot.appId, bot.openId.mintToken(...)
 *   await bot.close();
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { testPki } from './certs';
import { startOpenIdServer, BOT_FRAMEWORK_ISSUER, type OpenIdServer } from './openid';

export interface SdkBot {
  url: string;
  origin: string;
  port: number;
  appId: string;
  openId: OpenIdServer;
  /** Activities that reached the bot's logic (authenticated ones only). */
  received: Array<{ type: string; text?: string; serviceUrl?: string }>;
  /** Status codes the adapter answered with, in order. */
  statuses: number[];
  close(): Promise<void>;
}

/** The parameterized settings of ConfigurationBotFrameworkAuthentication, all of them. */
export function sdkAuthSettings(appId: string, metadataUrl: string): Record<string, string | boolean> {
  return {
    MicrosoftAppId: appId,
    // Any non-empty password turns authentication on (the SDK goes anonymous without an app id).
    MicrosoftAppPassword: 'test-only-not-a-real-secret',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    // Emulator and skill tokens: the same local metadata, so nothing reaches the internet.
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    CallerId: 'urn:botframework:azure',
  };
}

class ProbeRecordingBot extends ActivityHandler {
  constructor(received: SdkBot['received']) {
    super();
    // Records and returns: no reply is sent, so no outbound call to a serviceUrl is made.
    this.onMessage(async (context: TurnContext, next) => {
      received.push({ type: context.activity.type, text: context.activity.text, serviceUrl: context.activity.serviceUrl });
      await next();
    });
  }
}

function readJson(req: IncomingMessage, limit = 256 * 1024): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => { size += c.length; if (size > limit) { reject(new Error('too large')); req.destroy(); } else chunks.push(c); });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try { resolve(text ? JSON.parse(text) : undefined); } catch { resolve(text); }
    });
    req.on('error', reject);
  });
}

/** Adapts node's ServerResponse to the small response interface CloudAdapter.process expects. */
function sdkResponse(res: ServerResponse, statuses: number[]) {
  let status = 200;
  return {
    socket: res.socket,
    status(code: number) { status = code; statuses.push(code); res.statusCode = code; return this; },
    header(name: string, value: unknown) { res.setHeader(name, String(value)); return this; },
    send(body: unknown) {
      if (body === undefined) return this;
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      if (!res.headersSent) res.setHeader('content-type', typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json');
      res.write(text);
      return this;
    },
    end() { if (!res.writableEnded) res.end(); void status; return this; },
  };
}

/**
 * CloudAdapter logs every rejected request with console.error; the probes make many on purpose.
 * While a bot runs, those AuthenticationError logs are dropped (everything else still prints).
 */
let quietBots = 0;
let originalConsoleError: typeof console.error | undefined;
function quietAuthErrors(on: boolean): void {
  if (on) {
    quietBots += 1;
    if (quietBots > 1) return;
    originalConsoleError = console.error;
    const passthrough = originalConsoleError;
    console.error = (...args: unknown[]) => {
      const first = args[0] as { name?: string; statusCode?: number } | undefined;
      if (args.length === 1 && first instanceof Error && first.constructor.name === 'AuthenticationError') return;
      passthrough(...args);
    };
  } else {
    quietBots -= 1;
    if (quietBots === 0 && originalConsoleError) { console.error = originalConsoleError; originalConsoleError = undefined; }
  }
}

export interface SdkBotOptions {
  appId?: string;
  /** Print the SDK's logs of rejected requests (dropped by default). */
  logAuthErrors?: boolean;
  /**
   * Run the SDK bot with no app ID and no password: the SDK then skips authentication and
   * accepts every request (the misconfiguration auth-missing-token exists to catch).
   */
  anonymous?: boolean;
}

export async function startSdkBot(options: SdkBotOptions = {}): Promise<SdkBot> {
  const appId = options.anonymous ? '' : options.appId ?? randomUUID();
  const openId = await startOpenIdServer();
  const settings = sdkAuthSettings(appId, openId.metadataUrl);
  if (options.anonymous) settings.MicrosoftAppPassword = '';
  const auth = new ConfigurationBotFrameworkAuthentication(settings);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async () => { /* the probe never triggers bot logic errors */ };
  const quiet = !options.logAuthErrors;
  if (quiet) quietAuthErrors(true);
  const received: SdkBot['received'] = [];
  const statuses: number[] = [];
  const bot = new ProbeRecordingBot(received);
  const pki = await testPki();
  const creds = await pki.leaf('good');
  const server = createServer({ key: creds.key, cert: creds.cert }, (req, res) => {
    void (async () => {
      if (req.url?.split('?')[0] !== '/api/messages') { res.writeHead(404).end('Not Found'); return; }
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      const sdkReq = { body, headers: req.headers, method: req.method };
      await adapter.process(sdkReq as never, sdkResponse(res, statuses) as never, (context) => bot.run(context));
    })().catch(() => { if (!res.headersSent) res.writeHead(500); res.end(); });
  });
  server.on('tlsClientError', () => undefined);
  const sockets = new Set<Socket>();
  server.on('secureConnection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  const origin = `https://localhost:${addr.port}`;
  return {
    url: `${origin}/api/messages`,
    origin,
    port: addr.port,
    appId,
    openId,
    received,
    statuses,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await openId.close();
      if (quiet) quietAuthErrors(false);
    },
  };
}
