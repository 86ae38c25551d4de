/**
 * What each error code means and what to do about it: the source of the generated page
 * docs/reference/error-codes.mdx (scripts/error-codes-page.ts). Typed by the `ErrorCode` union,
 * so a code added to ./errors.ts without its entry here does not compile. Kept out of errors.ts
 * so the site's bundle does not carry this text.
 */
import type { ErrorCode } from './errors';

export type ErrorOrigin = 'engine' | 'azure' | 'api' | 'widget';

export interface ErrorCodeDoc {
  origin: ErrorOrigin;
  /** The HTTP status the API answers with (API codes only). */
  status?: number;
  meaning: string;
  fix: string;
  /** Public sources for the facts in `fix`. */
  sources?: ReadonlyArray<{ title: string; url: string }>;
}

export const ORIGIN_TITLES: Readonly<Record<ErrorOrigin, { title: string; intro: string }>> = {
  engine: {
    title: 'Checks that could not run',
    intro: 'A result with status `error` carries one of these in `error.code`. The bot was not judged: fix the cause and run again. The CLI exits with 3 (2 for bad input).',
  },
  azure: {
    title: 'Azure Resource Manager and Microsoft Graph',
    intro: 'A live registration or credentials lookup reached Azure Resource Manager (ARM) or Microsoft Graph, and the service answered with an HTTP error. The request arrived, so these are never network codes.',
  },
  api: {
    title: 'The HTTP API refused the request',
    intro: 'The body of every API error is `{ statusCode, error, code, message, field? }`; `field` is a JSON pointer to the part of the request at fault.',
  },
  widget: {
    title: 'The page could not talk to the API',
    intro: 'The widgets in these pages use these codes when no answer from the API arrived, or the answer was cut short.',
  },
};

const ARM_THROTTLING = { title: 'Azure Resource Manager: request limits and throttling', url: 'https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/request-limits-and-throttling' };
const READER_ROLE = { title: 'Azure built-in roles: Reader', url: 'https://learn.microsoft.com/en-us/azure/role-based-access-control/built-in-roles/general' };
const GRAPH_PERMISSIONS = { title: 'Microsoft Graph permissions reference', url: 'https://learn.microsoft.com/en-us/graph/permissions-reference' };

export const ERROR_CODE_DOCS: { readonly [C in ErrorCode]: ErrorCodeDoc } = {
  CHK_ERR_INVALID_CONFIG: {
    origin: 'engine',
    meaning: 'The run itself is set up wrongly: an unknown check id, a check registered twice, or a timeout that is not a positive number of milliseconds.',
    fix: 'Correct the flags or the botflow.json that selected the checks; the message names the value at fault.',
  },
  CHK_ERR_INVALID_INPUT: {
    origin: 'engine',
    status: 400,
    meaning: 'What was given to check is unusable: a malformed URL or app id, an unreadable file, a document that is not JSON (the message gives the line and column).',
    fix: 'Fix the input the message names. The CLI exits with 2; the API answers 400 with the field at fault.',
  },
  CHK_ERR_PROBE_TIMEOUT: {
    origin: 'engine',
    meaning: 'A probe or a gatherer did not finish within its timeout; the evidence lists the phase that was waiting (DNS, connect, TLS, first byte).',
    fix: 'Check that the target answers from where botflow runs; raise the timeout with --timeout if the network is slow.',
  },
  CHK_ERR_PROBE_NETWORK: {
    origin: 'engine',
    meaning: 'A probe failed on the network: the name did not resolve, the connection was refused or reset, or the TLS handshake was aborted. The evidence carries the operating system\'s code (such as ECONNREFUSED).',
    fix: 'Check the host name, the port and any firewall or proxy between botflow and the target.',
  },
  CHK_ERR_MISSING_EVIDENCE: {
    origin: 'engine',
    meaning: 'A check needs evidence that no gatherer of the suite provides: a defect in the suite, not in the bot.',
    fix: 'Report it as a botflow bug, with the check id.',
  },
  CHK_ERR_EVIDENCE_ERRORED: {
    origin: 'engine',
    meaning: 'Gathering the evidence a check needs failed in a way botflow does not classify; the message carries the underlying error.',
    fix: 'Read the message; if it points at botflow rather than the target, report it as a bug.',
  },
  CHK_ERR_RULE_FAILED: {
    origin: 'engine',
    meaning: 'A check\'s rule threw or returned something invalid while judging the evidence: a defect in that check.',
    fix: 'Report it as a botflow bug, with the check id and the saved report.',
  },
  CHK_ERR_UNSUPPORTED_ENV: {
    origin: 'engine',
    meaning: 'The evidence cannot be gathered where the check runs, for example a network probe asked for inside the browser.',
    fix: 'Run the check with the CLI (botflow) or through the API.',
  },
  CHK_ERR_DEADLINE: {
    origin: 'engine',
    meaning: 'The whole run reached its deadline, or was cancelled, before this evidence was gathered.',
    fix: 'Run again; if it repeats, the targets answer too slowly for one run: check one suite at a time.',
  },
  CHK_ERR_ADDRESS_REFUSED: {
    origin: 'engine',
    status: 400,
    meaning: 'The target is, or resolves to, an address botflow does not probe here: loopback, private, link-local and similar addresses unless private targets are allowed, and cloud metadata addresses always.',
    fix: 'Check a bot on your own machine with the CLI and --allow-private (or npm start); a public bot must resolve to public addresses.',
  },
  CHK_ERR_TOO_LARGE: {
    origin: 'engine',
    status: 413,
    meaning: 'An input, a response or a request body is larger than botflow reads.',
    fix: 'Send the document itself, not an archive of many; check that the URL points at the service the message names.',
  },
  CHK_ERR_AZURE_TOKEN_REJECTED: {
    origin: 'azure',
    meaning: 'ARM or Graph answered 401: the token is missing, expired, or was issued for another resource or another cloud.',
    fix: 'Get a fresh token for that service and cloud (az account get-access-token, with --resource-type ms-graph for Graph) and pass it again.',
  },
  CHK_ERR_AZURE_ACCESS_DENIED: {
    origin: 'azure',
    meaning: 'ARM or Graph answered 403: the token is valid, but its identity may not read the bot resource or the app registration.',
    fix: 'For ARM, give the identity the Reader role on the bot or its resource group. For Graph, the token needs Application.Read.All, or its user must own the app registration.',
    sources: [READER_ROLE, GRAPH_PERMISSIONS],
  },
  CHK_ERR_AZURE_NOT_FOUND: {
    origin: 'azure',
    meaning: 'ARM or Graph answered 404: no bot resource, or no app registration, has the names or the app id given, as far as the token can see.',
    fix: 'Check the subscription, resource group, bot name and cloud, or the app id and the token\'s tenant. A managed-identity bot has no app registration.',
  },
  CHK_ERR_AZURE_THROTTLED: {
    origin: 'azure',
    meaning: 'ARM, Graph or the Entra ID token endpoint answered 429 (too many requests): ARM after botflow\'s retries or with a longer wait than botflow waits; botflow token does not retry.',
    fix: 'Run again after the time in the message (the service\'s Retry-After header).',
    sources: [ARM_THROTTLING],
  },
  CHK_ERR_AZURE_HTTP_ERROR: {
    origin: 'azure',
    meaning: 'ARM, Graph or the Entra ID token endpoint answered another HTTP error (such as a 5xx), or a success without the JSON body botflow needs.',
    fix: 'Check the base URL of the service for your cloud; on a 5xx, run again later.',
  },
  CHK_ERR_SECRET_REFUSED: {
    origin: 'api',
    status: 400,
    meaning: 'The request carried something that looks like a secret (a field named like a password, token or key that holds a value, or a URL with credentials or a key parameter). The API accepts no secrets and never echoes them.',
    fix: 'Remove the secret. Checks that need credentials run only in the CLI, on your own machine.',
  },
  CHK_ERR_CLI_ONLY: {
    origin: 'api',
    status: 400,
    meaning: 'The suite asked for runs only in the CLI: egress must run on the host where the bot runs.',
    fix: 'Run botflow egress on the bot\'s host.',
  },
  CHK_ERR_MALFORMED_JSON: {
    origin: 'api',
    status: 400,
    meaning: 'The request body is not JSON.',
    fix: 'Send a JSON body of the form `{ suite, input }`.',
  },
  CHK_ERR_UNSUPPORTED_MEDIA_TYPE: {
    origin: 'api',
    status: 415,
    meaning: 'The request body is not declared as application/json (so a form on another site cannot start a run).',
    fix: 'Send the header Content-Type: application/json.',
  },
  CHK_ERR_RATE_LIMITED: {
    origin: 'api',
    status: 429,
    meaning: 'This client sent more requests, or started more runs at once, than the API allows.',
    fix: 'Wait for the time in the Retry-After header, then send again.',
  },
  CHK_ERR_BUSY: {
    origin: 'api',
    status: 503,
    meaning: 'The server is running as many checks as it allows at once.',
    fix: 'Wait for the time in the Retry-After header, then send again.',
  },
  CHK_ERR_NOT_FOUND: {
    origin: 'api',
    status: 404,
    meaning: 'No route or file has this path.',
    fix: 'Use GET /api/health or POST /api/runs.',
  },
  CHK_ERR_HOST_REFUSED: {
    origin: 'api',
    status: 403,
    meaning: 'Private targets are allowed on this server, so it answers only requests addressed to a loopback name or an allowed host name; this request named another host (a defence against DNS rebinding).',
    fix: 'Open the site through localhost, or start the server with --allowed-host naming the host you use.',
  },
  CHK_ERR_INTERNAL: {
    origin: 'api',
    status: 500,
    meaning: 'The server failed while handling the request. Nothing was stored.',
    fix: 'Try again, or run the same check with the CLI; report it if it repeats.',
  },
  CHK_ERR_MALFORMED_REQUEST: {
    origin: 'api',
    status: 400,
    meaning: 'The request is not valid HTTP/1.1, or its path has malformed percent-encoding.',
    fix: 'Send a well-formed request; check any proxy that rewrites it.',
  },
  CHK_ERR_HEADERS_TOO_LARGE: {
    origin: 'api',
    status: 431,
    meaning: 'The request headers are larger than the server reads.',
    fix: 'Send fewer or shorter headers (large cookies are the usual cause).',
  },
  CHK_ERR_REQUEST_TIMEOUT: {
    origin: 'api',
    status: 408,
    meaning: 'The request did not arrive in full in time.',
    fix: 'Send it again; check the connection between the client and the server.',
  },
  CHK_ERR_API_UNREACHABLE: {
    origin: 'widget',
    meaning: 'The page could not reach the check API at all (the server is down, or the network failed).',
    fix: 'Start the API (npm start or botflow serve), or run the CLI command the page shows.',
  },
  CHK_ERR_API_HTTP_ERROR: {
    origin: 'widget',
    meaning: 'Something answered with an HTTP error that is not a botflow error (a proxy or a static host in front of the API, for example).',
    fix: 'Check what serves the site\'s /api/ paths; the message gives the HTTP status.',
  },
  CHK_ERR_API_STREAM_INCOMPLETE: {
    origin: 'widget',
    meaning: 'The progress stream of a run ended before the report arrived.',
    fix: 'Run the check again; if it repeats, check the server\'s log and any proxy that buffers or cuts responses.',
  },
  CHK_ERR_ABORTED: {
    origin: 'widget',
    meaning: 'The run was stopped before it finished: by you, or because no answer came in time.',
    fix: 'Run it again; the message says why it stopped.',
  },
};
