/**
 * The API accepts no secret (credential checks are CLI-only), by one rule for every suite and
 * every field at any depth, including inside the JSON documents sent as text:
 * - a field whose name says "secret" (password, token, client secret, API key, `...Key`, ...)
 *   and that holds a value (a non-empty string or a number) is refused; names of identifiers,
 *   URLs and flags (`secretId`, `tokenUrl`, `apiSecretRegistrationId`, `isTokenExchangeEnabled`)
 *   are not secrets, and an empty or null value carries none;
 * - a string that is an absolute URL with a user name or password, or a query or fragment
 *   parameter that carries a key (Azure Functions `code`, SAS `sig`, `access_token`, ...), is
 *   refused.
 * Refusals name the field (a JSON pointer) and never repeat the value.
 */
import { ApiCodes, badInput, type ApiError } from './errors';

const SECRET_WORD = /(secret|passw(or)?d|passwd|^pwd$|token|api[-_]?key|credential|private[-_]?key|client[-_]?assertion|authorization|cookie|signature|(^|[a-z0-9_-])key\d*$|connection[-_]?string)/i;

/** Last words of names that are identifiers, addresses or flags, not secret values. */
const NOT_A_VALUE = new Set(['id', 'ids', 'url', 'urls', 'uri', 'uris', 'type', 'types', 'name', 'names', 'endpoint', 'enabled', 'required', 'version',
  'count', 'expiry', 'expires', 'issuer', 'hint', 'kind', 'mode', 'header', 'format', 'length', 'source', 'exchange', 'resource', 'configuration']);

function lastWord(name: string): string {
  const words = name.split(/[-_.\s]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
  return (words[words.length - 1] ?? '').toLowerCase();
}

/** True when a field of this name holds a secret value (see the module comment). */
export function isSecretName(name: string): boolean {
  return SECRET_WORD.test(name) && !NOT_A_VALUE.has(lastWord(name));
}

/** Query or fragment parameters that carry keys. */
const SECRET_PARAM = /^(code|key|sig|signature|token|access[-_]?token|id[-_]?token|refresh[-_]?token|secret|password|pwd|passwd|api[-_]?key|apikey|client[-_]?secret|x-functions-key|auth|sv)$/i;
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** What makes a URL carry a secret, in words, or undefined. */
export function urlSecretProblem(url: URL): string | undefined {
  if (url.username || url.password) return 'carries a user name or password';
  const params = [...url.searchParams.keys(), ...new URLSearchParams(url.hash.replace(/^#/, '')).keys()];
  const named = params.find((name) => SECRET_PARAM.test(name));
  if (named !== undefined) return `carries a "${named.slice(0, 40)}" parameter, which usually holds a key`;
  return undefined;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function refusedField(pointer: string, name: string): ApiError {
  return badInput(pointer,
    `The API accepts no secrets, and "${name.slice(0, 60)}" looks like one. Remove it (or leave it empty): checks that need credentials run only in the CLI (botflow), on your own machine.`,
    ApiCodes.SECRET_REFUSED);
}

function refusedUrl(pointer: string, problem: string): ApiError {
  return badInput(pointer,
    `This URL ${problem}. The API accepts no secrets: remove it from the URL (the checks do not need it), or run the CLI on your own machine.`,
    ApiCodes.SECRET_REFUSED);
}

/**
 * Throws a 400 CHK_ERR_SECRET_REFUSED for the first secret found in `value` (walked without
 * recursion, so a deeply nested document cannot exhaust the stack). `documents` names the
 * pointers of string fields that hold JSON documents: those are parsed and walked too.
 */
export function refuseSecrets(value: unknown, documents: ReadonlySet<string> = new Set()): void {
  const stack: Array<{ pointer: string; value: unknown; name?: string }> = [{ pointer: '', value }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      if (item.name !== undefined && v.trim() !== '' && isSecretName(item.name)) throw refusedField(item.pointer, item.name);
      if (ABSOLUTE_URL.test(v.trim())) {
        let url: URL | undefined;
        try { url = new URL(v.trim()); } catch { url = undefined; }
        const problem = url ? urlSecretProblem(url) : undefined;
        if (problem) throw refusedUrl(item.pointer, problem);
      }
      if (documents.has(item.pointer)) {
        let doc: unknown;
        try { doc = JSON.parse(v); } catch { doc = undefined; } // not JSON: the run says so
        if (doc !== undefined) stack.push({ pointer: item.pointer, value: doc });
      }
    } else if (typeof v === 'number') {
      if (item.name !== undefined && isSecretName(item.name)) throw refusedField(item.pointer, item.name);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ pointer: `${item.pointer}/${i}`, value: v[i], ...(item.name !== undefined ? { name: item.name } : {}) });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i]!;
        stack.push({ pointer: `${item.pointer}/${escapePointer(key)}`, value: child, name: key });
      }
    }
  }
}
