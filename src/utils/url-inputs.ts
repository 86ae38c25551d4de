/**
 * Widget inputs in the page address, so a result can be shared by link and run again: each
 * widget owns a few query parameters (prefixed, so two widgets on one page do not collide).
 * Secrets never go there: no widget has a secret field, and a pasted JSON document that holds a
 * secret-looking field with a value is left out (and the reader is told why). Pure.
 */

/** The parameters each widget reads and writes. */
export const URL_PARAMS = {
  endpoint: { url: 'endpoint', appId: 'app-id', callingWebhook: 'calling-webhook', timeout: 'timeout' },
  manifest: { appId: 'manifest-app-id' },
  registration: { bot: 'bot', channel: 'channel', endpoint: 'registered-endpoint', callingWebhook: 'registered-webhook' },
  residency: { serviceUrl: 'service-url' },
} as const;

/** Longest value kept in the address (browsers and servers refuse much longer URLs). */
export const MAX_PARAM_CHARS = 16_000;

/** The values of `names` in a query string (missing ones are left out). */
export function readInputs<K extends string>(search: string, names: Readonly<Record<K, string>>): Partial<Record<K, string>> {
  const params = new URLSearchParams(search);
  const out: Partial<Record<K, string>> = {};
  for (const [key, name] of Object.entries(names) as Array<[K, string]>) {
    const value = params.get(name);
    if (value !== null && value !== '' && value.length <= MAX_PARAM_CHARS) out[key] = value;
  }
  return out;
}

/**
 * The query string with `names` set to `values` (empty values removed), every other parameter
 * kept. Returns it with its leading `?`, or '' when nothing is left.
 */
export function writeInputs<K extends string>(search: string, names: Readonly<Record<K, string>>, values: Partial<Record<K, string>>): string {
  const params = new URLSearchParams(search);
  for (const [key, name] of Object.entries(names) as Array<[K, string]>) {
    const value = values[key]?.trim();
    if (value && value.length <= MAX_PARAM_CHARS) params.set(name, value);
    else params.delete(name);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Field names the CLI also treats as secrets (botflow.json refuses them), plus a few more. */
const SECRET_NAME = /secret|password|passwd|token|credential|connectionstring|signature|key$/i;

/**
 * The name of the first field in a JSON document that looks like a secret and has a value, or
 * undefined. Such a document is not put in the address.
 */
export function secretLookingField(json: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const visit = (v: unknown, depth: number): string | undefined => {
    if (depth > 20 || typeof v !== 'object' || v === null) return undefined;
    for (const [k, child] of Object.entries(v)) {
      const filled = typeof child === 'string' ? child.trim() !== '' : typeof child === 'number';
      if (SECRET_NAME.test(k.replace(/[-_\s]/g, '')) && filled) return k;
      const found = visit(child, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return visit(value, 0);
}
