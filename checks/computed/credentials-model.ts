/**
 * The credentials suite's input and evidence types, and the audience a scope implies (pure, so
 * rules import them without the Node I/O of gather/credentials.ts). Nothing here holds a secret: the client secret and the Graph
 * token travel in the run's `credentials` (checks/core/gatherer.ts), and only facts about them
 * (a GUID shape, a Secret ID match) reach the evidence.
 */
import type { AadstsAdvice } from './entra-advice';
import type { GraphApplication } from './graph-types';

export type BotAppType = 'SingleTenant' | 'MultiTenant';

/** The audience a Bot Framework token asked for with `scope` carries: the scope without /.default. */
export function audienceOfScope(scope: string): string {
  return scope.replace(/\/\.default$/, '');
}

/** The claims of the issued token worth showing: none of them is secret. */
export interface TokenClaims {
  aud?: string;
  iss?: string;
  tid?: string;
  appid?: string;
  azp?: string;
  ver?: string;
  iat?: number;
  exp?: number;
}

/** What Entra ID answered to the client-credentials request (secrets scrubbed from every string). */
export type TokenOutcome =
  | { ok: true; tokenEndpoint: string; claims: TokenClaims; expiresAt?: string; tokenType?: string }
  | {
    ok: false;
    tokenEndpoint: string;
    status: number;
    /** OAuth error (invalid_client, unauthorized_client, ...). */
    error?: string;
    aadsts?: number;
    errorCodes: number[];
    advice?: AadstsAdvice;
    /** First line of error_description, with any supplied secret removed. */
    description?: string;
    traceId?: string;
    correlationId?: string;
    retryAfterSeconds?: number;
  };

export interface BotTokenEvidence {
  appId: string;
  appType: BotAppType;
  /** The tenant asked: the bot's own (SingleTenant) or the cloud's bot tenant (MultiTenant). */
  tenant: string;
  scope: string;
  /** The supplied secret is shaped like a GUID, as a Secret ID is (the value is a longer random string). */
  secretLooksLikeGuid: boolean;
  outcome: TokenOutcome;
}

export interface GraphRegistrationEvidence {
  appType: BotAppType;
  application: GraphApplication;
  /** The supplied secret equals the Secret ID (keyId) of this client secret: its name or key id. */
  secretIsKeyIdOf?: string;
}

declare module '../core/evidence' {
  interface EvidenceMap {
    BotToken: BotTokenEvidence;
    GraphRegistration: GraphRegistrationEvidence;
  }
  interface CheckInput {
    /** The credentials suite: which app asks for its token where (no secret). */
    botCredentials?: {
      appId: string;
      appType: BotAppType;
      /** The tenant asked for the token. */
      tenant: string;
      /** Entra ID login host, e.g. https://login.microsoftonline.com. */
      authority: string;
      scope: string;
      cloud: string;
      /** Microsoft Graph base URL, when the app registration is read too (--graph). */
      graphBaseUrl?: string;
    };
  }
}
