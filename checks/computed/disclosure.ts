/**
 * Pure scan of a response for stack traces and framework internals (error disclosure).
 * Each finding keeps the matching line, shortened, as evidence.
 */

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
  { kind: 'stack-trace', label: 'Go panic', re: /goroutine \d+ \[running\]:/ },
  { kind: 'stack-trace', label: 'PHP stack trace', re: /Stack trace:\s*\n#0 / },
  { kind: 'stack-trace', label: 'ASP.NET error page', re: /Server Error in '[^']*' Application|<title>Runtime Error<\/title>/i },
  { kind: 'server-path', label: 'server file path', re: /(?:\/home\/site\/wwwroot|[A-Za-z]:\\home\\site\\wwwroot|\/usr\/src\/app\/|\/var\/www\/|node_modules[\\/])/ },
  { kind: 'framework-error', label: 'exception name', re: /\b(?:System\.[A-Z]\w*Exception|NullReferenceException|java\.lang\.\w+(?:Exception|Error)|(?:Type|Reference|Range)Error: [^\n]+)/ },
];

const VERSION_HEADERS = ['x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version'] as const;

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const endAt = text.indexOf('\n', index);
  const line = text.slice(start, endAt === -1 ? undefined : endAt).trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

export function scanBody(body: string, where: string): DisclosureFinding[] {
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
