/**
 * A local stand-in for the Bot Framework OpenID metadata service
 * (login.botframework.com/v1/.well-known/openidconfiguration and its JWKS), serving an RSA key
 * the test owns, and a minter for channel tokens signed with that key. Plain HTTP on loopback:
 * the Bot Framework SDK fetches metadata with node-fetch, which accepts http URLs.
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface OpenIdServer {
  /** URL of the metadata document (pass as ToBotFromChannelOpenIdMetadataUrl). */
  metadataUrl: string;
  jwksUrl: string;
  kid: string;
  /** Signs a channel token with the trusted key. */
  mintToken(claims: { aud: string; serviceurl: string; iss?: string; expiresInSeconds?: number; extra?: Record<string, unknown> }): Promise<string>;
  /** How many times the metadata and the JWKS were fetched. */
  fetches: { metadata: number; jwks: number };
  close(): Promise<void>;
}

export async function startOpenIdServer(options: { endorsements?: string[]; issuer?: string } = {}): Promise<OpenIdServer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const kid = `test-key-${Math.random().toString(36).slice(2, 10)}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const endorsements = options.endorsements ?? ['msteams'];
  const fetches = { metadata: 0, jwks: 0 };
  let origin = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/v1/.well-known/openidconfiguration') {
      fetches.metadata += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        issuer: options.issuer ?? BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${origin}/v1/.well-known/authorize`,
        jwks_uri: `${origin}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      }));
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      fetches.jwks += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [{ ...jwk, endorsements }] }));
      return;
    }
    res.writeHead(404).end();
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${addr.port}`;

  return {
    metadataUrl: `${origin}/v1/.well-known/openidconfiguration`,
    jwksUrl: `${origin}/v1/.well-known/keys`,
    kid,
    fetches,
    mintToken: (claims) => signChannelToken(privateKey, kid, claims),
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}

async function signChannelToken(key: CryptoKey, kid: string, claims: { aud: string; serviceurl: string; iss?: string; expiresInSeconds?: number; extra?: Record<string, unknown> }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl, ...(claims.extra ?? {}) })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? BOT_FRAMEWORK_ISSUER)
    .setAudience(claims.aud)
    .setIssuedAt(now)
    .setNotBefore(now - 60)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 600))
    .sign(key);
}
