/**
 * Every place a manifest names a bot id: `bots[].botId` and `composeExtensions[].botId` (a
 * bot-based message extension names the bot that serves it; an API-based one has no botId).
 * Both must be the Microsoft App ID (msaAppId) of an Azure Bot. Pure.
 */
import type { JsonObject, JsonValue } from '../core/types';
import { isJsonObject } from '../computed/json';

export interface NamedBotId {
  /** The value as written (may be missing, not a string, or a template placeholder). */
  value: JsonValue | undefined;
  /** JSON pointer of the botId (or of the entry, when botId is missing). */
  pointer: string;
  /** For people: "bots[0].botId" or "composeExtensions[1].botId". */
  label: string;
  source: 'bots' | 'composeExtensions';
  index: number;
}


export function namedBotIds(m: JsonObject): NamedBotId[] {
  const out: NamedBotId[] = [];
  const bots = Array.isArray(m.bots) ? m.bots : [];
  bots.forEach((b, index) => {
    if (!isJsonObject(b)) return;
    out.push({ value: b.botId, pointer: b.botId === undefined ? `/bots/${index}` : `/bots/${index}/botId`, label: `bots[${index}].botId`, source: 'bots', index });
  });
  const extensions = Array.isArray(m.composeExtensions) ? m.composeExtensions : [];
  extensions.forEach((e, index) => {
    if (!isJsonObject(e) || e.botId === undefined) return;
    out.push({ value: e.botId, pointer: `/composeExtensions/${index}/botId`, label: `composeExtensions[${index}].botId`, source: 'composeExtensions', index });
  });
  return out;
}
