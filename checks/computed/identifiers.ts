/**
 * Pure comparisons of URLs and ids shared by the registration rules, the registration evidence
 * and the CLI (no I/O: rules import them).
 */

/** A URL in a comparable form (host lower-cased, default port and trailing slash dropped), or undefined. */
export function comparableUrl(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`;
}

/** `https:` absolute URL with a host. */
export function isHttpsUrl(value: string | undefined | null): boolean {
  if (!value) return false;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The one GUID pattern of checks/ (8-4-4-4-12 hexadecimal digits, either case), as text for the
 * patterns that embed it (JSON Schema, botid- resources, application ID URIs).
 */
export const GUID_TEXT = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Exactly a GUID, nothing around it. */
export const GUID_PATTERN = new RegExp(`^${GUID_TEXT}$`);
/** A GUID as users may type it: bare or in registry braces (`{...}`), as the API and the widgets accept. */
export const GUID_INPUT_TEXT = `^(?:${GUID_TEXT}|\\{${GUID_TEXT}\\})$`;
const GUID_INPUT = new RegExp(GUID_INPUT_TEXT);

/** A bare GUID (surrounding whitespace ignored). */
export function isGuid(value: string | undefined | null): boolean {
  return typeof value === 'string' && GUID_PATTERN.test(value.trim());
}

/** A GUID as typed (whitespace ignored): bare or in registry braces, the API's and the widgets' rule. */
export function isGuidInput(value: string | undefined | null): boolean {
  return typeof value === 'string' && GUID_INPUT.test(value.trim());
}

/** Case-insensitive GUID / id comparison (braces and whitespace ignored). */
export function sameId(a: string | undefined | null, b: string | undefined | null): boolean {
  if (!a || !b) return false;
  const clean = (s: string): string => s.trim().replace(/^\{|\}$/g, '').toLowerCase();
  return clean(a) === clean(b);
}

/** A string field of the shared input that another suite declares (url, callingWebhook, appId). */
export function inputString(input: object, key: string): string | undefined {
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
