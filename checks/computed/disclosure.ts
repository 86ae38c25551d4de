/**
 * Pure scan of a response for stack traces and framework internals (error disclosure).
 * Each finding keeps the matching line, shortened, as evidence. Bodies are read as a person
 * would read them: an HTML error page has its tags removed and its entities decoded (Express
 * separates stack frames with <br> and &nbsp;), and the strings of a JSON body are unescaped
 * (a "stack" field carries its frames as \n-separated text).
 */
import { decodeHTML } from 'entities';

export type DisclosureKind = 'stack-trace' | 'server-path' | 'framework-error' | 'version-header';

export interface DisclosureFinding {
  kind: DisclosureKind;
  /** The matching text (one line, at most 160 characters). */
  match: string;
  /** Where it was seen, e.g. "body of the missing-token answer" or "header x-powered-by". */
  where: string;
}

const PATTERNS: Array<{ kind: DisclosureKind; label: string; re: RegExp }> = [
  // Node.js / V8: "    at fn (/app/lib/bot.js:42:31)" or "at node:internal/..."
  { kind: 'stack-trace', label: 'Node.js stack frame', re: /^\s*at\s+(?:[^\n]*?\()?(?:\/|[A-Za-z]:\\|node:|file:\/\/)[^\n]*:\d+:\d+\)?\s*$/m },
  // .NET: "   at Namespace.Type.Method(Args) in C:\src\File.cs:line 42"
  { kind: 'stack-trace', label: '.NET stack frame', re: /^\s*at\s+[\w.`<>$]+\.[\w`<>$]+\([^)\n]*\)(?:\s+in\s+[^\n]+:line\s+\d+)?\s*$/m },
  // Java / Kotlin
  { kind: 'stack-trace', label: 'JVM stack frame', re: /^\s*at\s+[\w.$]+\((?:[\w$]+\.(?:java|kt|scala):\d+|Native Method|Unknown Source)\)/m },
  { kind: 'stack-trace', label: 'Python traceback', re: /Traceback \(most recent call last\):/ },
  // Python frames: '  File "/app/bot.py", line 42, in on_message_activity'
  { kind: 'stack-trace', label: 'Python stack frame', re: /^\s*File "[^"\n]+", line \d+, in \S+/m },
  // ASP.NET Core developer exception page
  { kind: 'stack-trace', label: 'ASP.NET Core developer exception page', re: /An unhandled exception occurred while processing the request\./ },
  { kind: 'stack-trace', label: 'Go panic', re: /goroutine \d+ \[running\]:/ },
  { kind: 'stack-trace', label: 'PHP stack trace', re: /Stack trace:\s*\n#0 / },
  { kind: 'stack-trace', label: 'ASP.NET error page', re: /Server Error in '[^']*' Application|<title>Runtime Error<\/title>/i },
  { kind: 'server-path', label: 'server file path', re: /(?:\/home\/site\/wwwroot|[A-Za-z]:\\home\\site\\wwwroot|\/usr\/src\/app\/|\/var\/www\/|node_modules[\\/])/ },
  { kind: 'framework-error', label: 'exception name', re: /\b(?:System\.[A-Z]\w*Exception|NullReferenceException|java\.lang\.\w+(?:Exception|Error)|(?:Type|Reference|Range|Syntax)Error: [^\n]+)/ },
];

const VERSION_HEADERS = ['x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version'] as const;

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const endAt = text.indexOf('\n', index);
  const line = text.slice(start, endAt === -1 ? undefined : endAt).trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function looksLikeHtml(body: string, contentType: string): boolean {
  return /text\/html|application\/xhtml/i.test(contentType) || /^\s*<(?:!doctype|html|head|body|pre|div|h1)\b/i.test(body);
}

function jsonStrings(value: unknown, out: string[], depth = 0): void {
  if (depth > 20 || out.length > 200) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out, depth + 1);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) jsonStrings(v, out, depth + 1);
}

/**
 * The text of a body as a reader sees it: HTML with its line breaks kept, tags removed and
 * entities decoded; JSON as its string values, one per line; anything else as it is.
 */
export function decodedText(body: string, headers: Readonly<Record<string, string>> = {}): string {
  const contentType = headers['content-type'] ?? '';
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const strings: string[] = [];
      jsonStrings(JSON.parse(trimmed), strings);
      return strings.join('\n');
    } catch { /* not JSON after all */ }
  }
  if (looksLikeHtml(body, contentType)) {
    const withBreaks = body
      .replace(/<(?:script|style)\b[\s\S]*?<\/(?:script|style)>/gi, ' ')
      .replace(/<br\s*\/?>|<\/(?:p|div|li|tr|h[1-6]|pre|title)>/gi, '\n')
      .replace(/<[^>]*>/g, '');
    return decodeHTML(withBreaks);
  }
  return body;
}

export function scanBody(rawBody: string, where: string, headers: Readonly<Record<string, string>> = {}): DisclosureFinding[] {
  const body = decodedText(rawBody, headers);
  const out: DisclosureFinding[] = [];
  const seen = new Set<string>();
  for (const p of PATTERNS) {
    const m = p.re.exec(body);
    if (!m) continue;
    const match = lineAround(body, m.index + (m[0].length - m[0].trimStart().length));
    const key = `${p.kind}|${match}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: p.kind, match, where });
  }
  return out;
}

export function scanHeaders(headers: Readonly<Record<string, string>>, where: string): DisclosureFinding[] {
  return VERSION_HEADERS.filter((h) => headers[h]).map((h) => ({ kind: 'version-header' as const, match: `${h}: ${headers[h]}`.slice(0, 160), where: `${where} (header)` }));
}
