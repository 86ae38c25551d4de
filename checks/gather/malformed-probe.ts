/**
 * Evidence `MalformedBodyProbe`: the answer to a POST whose JSON body is cut short, with no
 * token. Web frameworks parse the body before any SDK authentication runs, so this shows the
 * error page the endpoint gives anyone (a stack trace outside production, in Express and the
 * SDKs' own hosting). Harmless: nothing can be parsed, so no bot code runs.
 */
import { defineGatherer } from '../core/gatherer';
import { postProbe, type ProbeAnswer } from './auth-probe';
import { endpointTarget } from './dns-resolution';
import type { NotProbed } from './endpoint-probe-context';

/** The body sent: the start of a Teams activity, cut off mid-object. */
export const MALFORMED_BODY = '{"type":"message","channelId":"msteams","text":"botflow endpoint check (malformed body probe)",';

export type MalformedBodyEvidence = NotProbed | ({ probed: true; url: string; sent: { method: 'POST'; bodyBytes: number } } & ProbeAnswer);

declare module '../core/evidence' {
  interface EvidenceMap {
    MalformedBodyProbe: MalformedBodyEvidence;
  }
}

export const malformedBodyProbeGatherer = defineGatherer({
  id: 'MalformedBodyProbe',
  environments: ['node'],
  gather: async (ctx): Promise<MalformedBodyEvidence> => {
    const target = await endpointTarget(ctx);
    if ('probed' in target) return target;
    const answer = await postProbe(ctx, target.url, target.resolution, { body: MALFORMED_BODY });
    return { probed: true, url: target.url.href, sent: { method: 'POST', bodyBytes: Buffer.byteLength(MALFORMED_BODY) }, ...answer };
  },
});
