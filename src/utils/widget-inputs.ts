/**
 * Validation of what a reader types into a widget, before anything runs: one sentence per field
 * that says what is wrong and what to do. Pure.
 */
export type FieldErrors = Partial<Record<string, string>>;

const GUID = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;
const MAX_URL = 2048;

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

/** What is wrong with a URL field's value (an absolute http(s) URL), or undefined. */
function urlError(url: string, what: string): string | undefined {
  if (url.length > MAX_URL) return `The URL is longer than ${MAX_URL} characters; enter the ${what} URL only.`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'This is not an absolute URL; it must start with https:// and name a host.';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `The URL uses ${parsed.protocol}; a ${what} is an https:// URL.`;
  return undefined;
}

/**
 * The endpoint form: an absolute http(s) URL (http is allowed so the check can fail it), an
 * optional GUID, an optional calling webhook URL.
 */
export function endpointFormErrors(input: { url: string; appId?: string; callingWebhook?: string }): FieldErrors {
  const errors: FieldErrors = {};
  const url = input.url.trim();
  if (!url) {
    errors.url = 'Enter the messaging endpoint URL, e.g. https://your-bot.example.com/api/messages.';
  } else {
    const problem = urlError(url, 'messaging endpoint');
    if (problem) errors.url = problem;
  }
  const webhook = input.callingWebhook?.trim();
  if (webhook) {
    const problem = urlError(webhook, 'calling webhook');
    if (problem) errors.callingWebhook = problem;
  }
  const appId = input.appId?.trim();
  if (appId && !isGuid(appId)) {
    errors.appId = 'The Microsoft App ID is a GUID like 00000000-0000-0000-0000-000000000000; leave it empty if you do not know it.';
  }
  return errors;
}

/** A pasted JSON document: empty is fine when optional; otherwise it must parse. */
export function jsonFieldError(text: string, label: string, required: boolean): string | undefined {
  const t = text.trim();
  if (!t) return required ? `Paste ${label}.` : undefined;
  try {
    const value: unknown = JSON.parse(t);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${label} must be a JSON object ({ ... }).`;
    return undefined;
  } catch (err) {
    return `${label} is not valid JSON: ${(err as Error).message}.`;
  }
}

/** The file types ManifestCheck takes. */
export function manifestFileError(name: string, size: number, maxBytes: number): string | undefined {
  if (!/\.(json|zip)$/i.test(name)) return `"${name}" is neither manifest.json nor an app package (.zip). Choose one of those.`;
  if (size === 0) return `"${name}" is empty.`;
  if (size > maxBytes) return `"${name}" is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; an app package is far smaller. Choose the right file.`;
  return undefined;
}
