/**
 * The reviewed exceptions to the "a block that names a host, URL, port, version, date, duration or
 * permission carries its source" rule (scripts/docs-sources.test.ts). Each entry names the page,
 * a piece of the block's text that identifies it, and why the block needs no source. An entry
 * that no longer matches a failing block fails the test, so the list cannot go stale.
 */
export interface SourceException {
  /** Page path under docs/, e.g. `architecture/index.mdx`. */
  page: string;
  /** A substring of the block's text that picks out the block. */
  contains: string;
  reason: string;
}

export const SOURCE_EXCEPTIONS: readonly SourceException[] = [
  {
    page: 'architecture/index.mdx',
    contains: '`botflow endpoint https://bot.example.com/api/messages`',
    reason: 'A usage example of this project\'s CLI: the URL is an example input (example.com is reserved for examples), not a claim about Microsoft.',
  },
  {
    page: 'architecture/index.mdx',
    contains: '`botflow residency https://smba.trafficmanager.net/emea/`',
    reason: 'A usage example of this project\'s CLI: the serviceUrl is a sample input; the host and path it shows are sourced on the data residency page.',
  },
];
