/**
 * The credentials suite's gatherers (Node only, CLI only): the bot's client-credentials token
 * request to Entra ID (`BotToken`) and its app registration from Microsoft Graph
 * (`GraphRegistration`). The secrets come from the run's `credentials`, never the input; the
 * evidence keeps only facts about them. Entra ID refusing the request is evidence (the rule judges
 * it); throttling, a server error or no answer at all means the check could not run (an error).
 */
import { azureErrorCode, CheckEngineError, InvalidInputError } from '../core/errors';
import { defineGatherer, type GatherContext } from '../core/gatherer';
import { isGuid } from '../computed/identifiers';
import type { BotTokenEvidence, GraphRegistrationEvidence } from '../computed/credentials-model';
import { requestBotToken } from './entra-token';
import { readGraphApplication } from './graph-application';

export type { BotTokenEvidence, GraphRegistrationEvidence } from '../computed/credentials-model';

function target(ctx: GatherContext): NonNullable<GatherContext['input']['botCredentials']> {
  const t = ctx.input.botCredentials;
  if (!t) throw new InvalidInputError('The credentials suite needs the bot\'s app id, app type and tenant.', { field: 'botCredentials' });
  return t;
}

function secret(ctx: GatherContext, key: 'clientSecret' | 'graphToken', what: string): string {
  const value = ctx.options.credentials?.[key];
  if (!value) throw new InvalidInputError(`No ${what} was supplied to the run.`, { field: key });
  return value;
}

export const botTokenGatherer = defineGatherer({
  id: 'BotToken',
  environments: ['node'],
  async gather(ctx): Promise<BotTokenEvidence> {
    const t = target(ctx);
    const clientSecret = secret(ctx, 'clientSecret', 'client secret');
    const outcome = await requestBotToken({
      authority: t.authority, tenant: t.tenant, clientId: t.appId, clientSecret, scope: t.scope, signal: ctx.signal,
    });
    if (!outcome.ok && (outcome.status === 429 || outcome.status >= 500)) {
      const retry = outcome.retryAfterSeconds !== undefined ? `; retry after ${outcome.retryAfterSeconds} s` : '';
      throw new CheckEngineError(azureErrorCode(outcome.status), `Entra ID answered HTTP ${outcome.status}${outcome.error ? ` (${outcome.error})` : ''}${retry}.`, { details: { status: outcome.status } });
    }
    return {
      appId: t.appId,
      appType: t.appType,
      tenant: t.tenant,
      scope: t.scope,
      secretLooksLikeGuid: isGuid(clientSecret),
      outcome,
    };
  },
});

export const graphRegistrationGatherer = defineGatherer({
  id: 'GraphRegistration',
  environments: ['node'],
  async gather(ctx): Promise<GraphRegistrationEvidence> {
    const t = target(ctx);
    if (!t.graphBaseUrl) throw new InvalidInputError('Reading the app registration needs --graph.', { field: 'graph' });
    const application = await readGraphApplication({ baseUrl: t.graphBaseUrl, token: secret(ctx, 'graphToken', 'Microsoft Graph token'), appId: t.appId });
    const clientSecret = ctx.options.credentials?.clientSecret?.toLowerCase();
    const keyIdMatch = clientSecret
      ? application.credentials.find((c) => c.kind === 'secret' && c.keyId !== undefined && c.keyId.toLowerCase() === clientSecret)
      : undefined;
    return {
      appType: t.appType,
      application,
      ...(keyIdMatch ? { secretIsKeyIdOf: keyIdMatch.displayName ?? keyIdMatch.keyId ?? 'unnamed' } : {}),
    };
  },
});
