/**
 * Evidence `EgressClock`: the servers' Date headers next to the local clock, taken from the
 * OpenID metadata and JWKS responses (the same servers the SDK talks to when it validates tokens).
 */
import { defineGatherer, type Gatherer } from '../core/gatherer';
import './egress-openid';

export interface ClockSample {
  url: string;
  /** The Date header as sent. */
  serverDate: string;
  /** Local clock when the headers arrived (ISO). */
  localTime: string;
}

export interface EgressClockEvidence {
  samples: ClockSample[];
  /** Why there are no samples, when there are none. */
  reason?: string;
}

declare module '../core/evidence' {
  interface EvidenceMap {
    EgressClock: EgressClockEvidence;
  }
}

export function egressClockGatherer(): Gatherer<'EgressClock'> {
  return defineGatherer({
    id: 'EgressClock',
    environments: ['node'],
    async gather(ctx) {
      const openid = await ctx.get('EgressOpenIdMetadata');
      const samples: ClockSample[] = [];
      for (const f of [openid.metadata, openid.jwks]) {
        if (f?.serverDate && f.localTime) samples.push({ url: f.url, serverDate: f.serverDate, localTime: f.localTime });
      }
      return samples.length ? { samples } : { samples, reason: 'no response with a Date header came back from the metadata or JWKS servers.' };
    },
  });
}
