/** Presentation helpers for a result's sub-findings (details). Pure. */

/** A finding's message without its path when it starts with it (the view shows the path before it). */
export function withoutLeadingPath(message: string, path?: string): string {
  if (!path || !message.startsWith(path)) return message;
  const rest = message.slice(path.length).replace(/^[\s:]+/, '');
  return rest || message;
}
