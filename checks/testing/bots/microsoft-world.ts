/**
 * The Microsoft side of a bot's conversation, as local look-alikes on loopback, for the real SDK
 * bots of the tests (checks/testing/bots/start-bot.ts):
 *
 * - the Bot Connector (smba.trafficmanager.net): a reply POSTed to
 *   /{path}/v3/conversations/{id}/activities[/{replyToId}] is answered 201 with an id when it
 *   carries a bearer token signed by this world's Entra key for the Bot Framework audience, and
 *   401 `{"message":"Authorization has been denied for this request."}` otherwise, as the real
 *   connector answers a reply without a valid token;
 * - Bot Framework OpenID metadata and JWKS (login.botframework.com/v1/.well-known/...), with a
 *   key the test owns (endorsed for msteams), so the test can mint channel tokens the bots accept;
 * - Entra ID (login.microsoftonline.com): OpenID configuration, instance discovery, JWKS and the
 *   client-credentials token endpoint, so authenticated bots can get outbound tokens.
 *
 * One HTTPS server answers for every host name (its certificate names them all; the bot
 * processes trust the test root through NODE_EXTRA_CA_CERTS). How each host behaves for a bot is
 * its egress: `answer` (this server), `unreachable` (a closed port: connection refused) or `hang`
 * (a port that accepts and never answers). The bot processes reach these hosts through
 * routes-preload.ts, which plays the part of a hosts file.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, createLocalJWKSet, type CryptoKey, type JWK } from 'jose';
import { testPki } from '../certs';
import { closedPort, listen, startSilentServer, track, type TestServer } from '../servers';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** The Microsoft hosts the three SDKs call, and which part of the world answers for each. */
export const MICROSOFT_HOSTS = {
  connector: ['smba.trafficmanager.net'],
  botFrameworkLogin: ['login.botframework.com'],
  entra: ['login.microsoftonline.com', 'login.windows.net', 'sts.windows.net'],
  tokenService: ['token.botframework.com', 'api.botframework.com'],
} as const;
export type HostRole = keyof typeof MICROSOFT_HOSTS;
export const ALL_MICROSOFT_HOSTS: readonly string[] = Object.values(MICROSOFT_HOSTS).flat();

/** How the Microsoft hosts behave for a bot. */
export type Egress = 'answer' | 'unreachable' | 'hang';
export const EGRESS_SITUATIONS: readonly Egress[] = ['answer', 'unreachable', 'hang'];

/** Routes for routes-preload.ts: host name -> loopback port. */
export type Routes = Record<string, { host: string; port: number }>;

export interface ReceivedReply {
  path: string;
  conversationId: string;
  authorized: boolean;
  userAgent: string;
  text?: string;
  type?: string;
}

export interface MicrosoftWorld {
  /** PEM file of the test root, for NODE_EXTRA_CA_CERTS of the bot processes. */
  caFile: string;
  caPem: string;
  /** Routes of every Microsoft host for a bot whose egress behaves as given. */
  routes(egress: Egress): Routes;
  /** Replies the connector look-alike received (authorized or not). */
  replies: ReceivedReply[];
  /** How often the Bot Framework and Entra signing keys were fetched. */
  keyFetches: { botFramework: number; entra: number };
  /** Signs a channel token (iss api.botframework.com) the SDKs accept for `aud`. */
  mintChannelToken(claims: { aud: string; serviceurl: string }): Promise<string>;
  close(): Promise<void>;
}

const DENIED = JSON.stringify({ message: 'Authorization has been denied for this request.' });

function readBody(req: IncomingMessage, limit = 256 * 1024): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => { size += c.length; if (size <= limit) chunks.push(c); });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startMicrosoftWorld(): Promise<MicrosoftWorld> {
  const pki = await testPki();
  const creds = await pki.leaf('good', { hosts: [...ALL_MICROSOFT_HOSTS, 'localhost', '127.0.0.1'] });
  const dir = mkdtempSync(join(tmpdir(), 'botflow-world-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, pki.caPem);

  const bf = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const entra = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const bfKid = `bf-${randomUUID()}`;
  const entraKid = `entra-${randomUUID()}`;
  const bfJwk: JWK = { ...(await exportJWK(bf.publicKey)), kid: bfKid, use: 'sig', alg: 'RS256' };
  const entraJwk: JWK = { ...(await exportJWK(entra.publicKey)), kid: entraKid, use: 'sig', alg: 'RS256' };
  const entraKeys = createLocalJWKSet({ keys: [entraJwk] });
  const replies: ReceivedReply[] = [];
  const keyFetches = { botFramework: 0, entra: 0 };

  const entraToken = (aud: string, appId: string, tenant: string): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ appid: appId, azp: appId, tid: tenant, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: entraKid, typ: 'JWT' })
      .setIssuer(`https://login.microsoftonline.com/${tenant}/v2.0`)
      .setAudience(aud)
      .setIssuedAt(now)
      .setNotBefore(now - 60)
      .setExpirationTime(now + 3600)
      .sign(entra.privateKey as CryptoKey);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
    const body = await readBody(req);
    const path = url.pathname;

    if ((MICROSOFT_HOSTS.connector as readonly string[]).includes(host)) {
      const m = /\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(path);
      if (req.method !== 'POST' || !m) { sendJson(res, 404, { error: { code: 'NotFound', message: 'Not found' } }); return; }
      const auth = req.headers.authorization ?? '';
      let authorized = false;
      if (auth.startsWith('Bearer ')) {
        try {
          await jwtVerify(auth.slice(7), entraKeys, { audience: BOT_FRAMEWORK_AUDIENCE });
          authorized = true;
        } catch { authorized = false; }
      }
      let activity: { text?: string; type?: string } = {};
      try { activity = JSON.parse(body) as typeof activity; } catch { /* not JSON */ }
      replies.push({
        path,
        conversationId: decodeURIComponent(m[1] ?? ''),
        authorized,
        userAgent: String(req.headers['user-agent'] ?? ''),
        ...(activity.text !== undefined ? { text: activity.text } : {}),
        ...(activity.type !== undefined ? { type: activity.type } : {}),
      });
      if (!authorized) { sendJson(res, 401, DENIED); return; }
      sendJson(res, 201, { id: `reply-${randomUUID()}` });
      return;
    }

    if ((MICROSOFT_HOSTS.botFrameworkLogin as readonly string[]).includes(host)) {
      if (path === '/v1/.well-known/openidconfiguration') {
        sendJson(res, 200, {
          issuer: BOT_FRAMEWORK_ISSUER,
          authorization_endpoint: 'https://login.botframework.com/v1/.well-known/authorize',
          jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
        return;
      }
      if (path === '/v1/.well-known/keys') {
        keyFetches.botFramework += 1;
        sendJson(res, 200, { keys: [{ ...bfJwk, endorsements: ['msteams', 'skype', 'webchat'] }] });
        return;
      }
      sendJson(res, 404, {});
      return;
    }

    if ((MICROSOFT_HOSTS.entra as readonly string[]).includes(host)) {
      const origin = `https://${host}`;
      if (path === '/common/discovery/instance') {
        sendJson(res, 200, {
          tenant_discovery_endpoint: `${origin}/{tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        });
        return;
      }
      const tm = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|\.well-known\/openid-configuration|discovery\/v2\.0\/keys|discovery\/keys|oauth2\/v2\.0\/token|oauth2\/token)$/.exec(path);
      if (!tm) { sendJson(res, 404, { error: 'not_found' }); return; }
      const tenant = tm[1] ?? 'common';
      const what = tm[2] ?? '';
      if (what.includes('openid-configuration')) {
        sendJson(res, 200, {
          issuer: `${origin}/${tenant}/v2.0`,
          token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
          jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
          end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
          response_types_supported: ['code', 'id_token', 'token'],
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
          subject_types_supported: ['pairwise'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        });
        return;
      }
      if (what.includes('keys')) {
        keyFetches.entra += 1;
        sendJson(res, 200, { keys: [entraJwk] });
        return;
      }
      // Token endpoint: client credentials for the Bot Framework scope.
      const form = new URLSearchParams(body);
      const clientId = form.get('client_id') ?? '';
      const scope = form.get('scope') ?? form.get('resource') ?? '';
      if (form.get('grant_type') !== 'client_credentials' || !clientId || !(form.get('client_secret') || form.get('client_assertion'))) {
        sendJson(res, 400, { error: 'invalid_request', error_description: 'AADSTS900144: The request body must contain the following parameter.' });
        return;
      }
      const aud = scope.replace(/\/\.default$/, '') || BOT_FRAMEWORK_AUDIENCE;
      sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: await entraToken(aud, clientId, tenant) });
      return;
    }

    if ((MICROSOFT_HOSTS.tokenService as readonly string[]).includes(host)) {
      sendJson(res, 404, { error: { code: 'NotFound', message: 'The token service is not modelled here.' } });
      return;
    }
    sendJson(res, 421, { error: `no look-alike for ${host}` });
  };

  const server = createServer({ key: creds.key, cert: creds.cert }, (req, res) => {
    handle(req, res).catch(() => { if (!res.headersSent) res.writeHead(500); res.end(); });
  });
  server.on('tlsClientError', () => undefined);
  const closeServer = track(server);
  const port = await listen(server);
  const silent: TestServer = await startSilentServer();
  const refused = await closedPort();

  const routes = (egress: Egress): Routes => {
    const target = egress === 'answer' ? port : egress === 'hang' ? silent.port : refused;
    return Object.fromEntries(ALL_MICROSOFT_HOSTS.map((h) => [h, { host: '127.0.0.1', port: target }]));
  };

  return {
    caFile,
    caPem: pki.caPem,
    routes,
    replies,
    keyFetches,
    mintChannelToken: async ({ aud, serviceurl }) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl })
        .setProtectedHeader({ alg: 'RS256', kid: bfKid, typ: 'JWT' })
        .setIssuer(BOT_FRAMEWORK_ISSUER)
        .setAudience(aud)
        .setIssuedAt(now)
        .setNotBefore(now - 60)
        .setExpirationTime(now + 600)
        .sign(bf.privateKey as CryptoKey);
    },
    close: async () => {
      await closeServer();
      await silent.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
