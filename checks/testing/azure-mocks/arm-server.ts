/**
 * A local server shaped like Azure Resource Manager for Microsoft.BotService (api-version
 * 2022-09-15): GET of a bot and of its channels, with ARM's error body `{ error: { code, message } }`
 * for 400 (api-version), 401 (token), 403 (RBAC), 404 (resource) and 429 (throttling, Retry-After).
 * Test-only.
 */
import type { JsonObject } from '../../core/types';
import { sendJson, startMockServer, type MockServer } from './http';

export interface ArmBot {
  subscription: string;
  resourceGroup: string;
  name: string;
  bot: JsonObject;
  /** Channel bodies by channel name (MsTeamsChannel, ...). Missing: 404. */
  channels?: Record<string, JsonObject>;
}

export interface ArmMockOptions {
  /** The only bearer token accepted. */
  token: string;
  bots: ArmBot[];
  /** Answer 403 AuthorizationFailed to every authenticated request. */
  forbidden?: boolean;
  /** The first `count` requests get 429 with this Retry-After value. */
  throttle?: { count: number; retryAfter?: string };
  /** Never answer (tests timeouts). */
  hang?: boolean;
  /** Answer 200 with this many bytes of JSON padding (tests size caps). */
  hugeBody?: number;
}

const PATH = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.BotService\/botServices\/([^/]+)(?:\/channels\/([^/]+))?$/i;

function armError(code: string, message: string): JsonObject {
  return { error: { code, message } };
}

export function startArmMock(options: ArmMockOptions): Promise<MockServer> {
  let throttled = 0;
  return startMockServer((req, res, _body, url) => {
    if (options.hang) return;
    if (req.method !== 'GET') {
      sendJson(res, 405, armError('MethodNotAllowed', 'This mock only answers GET.'));
      return;
    }
    const apiVersion = url.searchParams.get('api-version');
    if (!apiVersion) {
      sendJson(res, 400, armError('MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests."));
      return;
    }
    if (apiVersion !== '2022-09-15') {
      sendJson(res, 400, armError('InvalidApiVersionParameter', `The api-version '${apiVersion}' is not supported by this mock; use '2022-09-15'.`));
      return;
    }
    const auth = req.headers.authorization;
    if (!auth || !auth.startsWith('Bearer ')) {
      sendJson(res, 401, armError('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."), { 'www-authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."' });
      return;
    }
    if (auth.slice(7) !== options.token) {
      sendJson(res, 401, armError('InvalidAuthenticationToken', 'The access token is invalid.'), { 'www-authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The access token is invalid."' });
      return;
    }
    if (options.throttle && throttled < options.throttle.count) {
      throttled += 1;
      sendJson(res, 429, armError('TooManyRequests', 'The request is being throttled.'), options.throttle.retryAfter !== undefined ? { 'retry-after': options.throttle.retryAfter } : {});
      return;
    }
    const m = PATH.exec(url.pathname);
    if (!m) {
      sendJson(res, 404, armError('InvalidResourceType', 'The resource type could not be found in the namespace.'));
      return;
    }
    const [, sub, rg, name, channel] = m.map((x) => (x === undefined ? undefined : decodeURIComponent(x)));
    if (options.forbidden) {
      sendJson(res, 403, armError('AuthorizationFailed', `The client 'botflow-test' does not have authorization to perform action 'Microsoft.BotService/botServices/read' over scope '/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.BotService/botServices/${name}' or the scope is invalid.`));
      return;
    }
    if (options.hugeBody) {
      sendJson(res, 200, { padding: 'x'.repeat(options.hugeBody) });
      return;
    }
    const bot = options.bots.find((b) => b.subscription.toLowerCase() === sub?.toLowerCase()
      && b.resourceGroup.toLowerCase() === rg?.toLowerCase() && b.name.toLowerCase() === name?.toLowerCase());
    if (!bot) {
      sendJson(res, 404, armError('ResourceNotFound', `The Resource 'Microsoft.BotService/botServices/${name}' under resource group '${rg}' was not found.`));
      return;
    }
    if (!channel) {
      sendJson(res, 200, bot.bot);
      return;
    }
    const found = Object.entries(bot.channels ?? {}).find(([k]) => k.toLowerCase() === channel.toLowerCase());
    if (!found) {
      sendJson(res, 404, armError('ResourceNotFound', `The channel '${channel}' was not found for bot '${name}'.`));
      return;
    }
    sendJson(res, 200, found[1]);
  });
}
