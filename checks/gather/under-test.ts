/**
 * Evidence `UnderTest`: what the user said is under test (the messaging endpoint, the calling
 * webhook, the bot's app id), echoed from the run input so that the rules comparing a document
 * with it read evidence, never the input. Pure (runs in the browser too); no I/O.
 */
import { defineGatherer } from '../core/gatherer';
import { inputString } from '../computed/identifiers';
import './endpoint-url'; // the url, appId and callingWebhook fields of CheckInput

export interface UnderTestEvidence {
  /** The messaging endpoint under test, as given (trimmed). */
  url?: string;
  /** The calling webhook under test, as given (trimmed). */
  callingWebhook?: string;
  /** The expected Microsoft App ID, as given (trimmed). */
  appId?: string;
}

declare module '../core/evidence' {
  interface EvidenceMap {
    UnderTest: UnderTestEvidence;
  }
}

export const underTestGatherer = defineGatherer({
  id: 'UnderTest',
  environments: ['node', 'browser'],
  async gather(ctx) {
    const out: UnderTestEvidence = {};
    for (const key of ['url', 'callingWebhook', 'appId'] as const) {
      const value = inputString(ctx.input, key);
      if (value !== undefined) out[key] = value;
    }
    return out;
  },
});
