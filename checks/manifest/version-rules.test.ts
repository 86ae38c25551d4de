import { describe, expect, it } from 'vitest';
import { botLimits } from './version-rules';
import { SCHEMA_VERSIONS } from './schemas';
import { readSchema } from '../testing/manifests/schema-files';

type S = { properties: Record<string, any> };

describe('botLimits agrees with every bundled schema', () => {
  it.each(SCHEMA_VERSIONS)('%s', (v) => {
    const s = readSchema(v) as S;
    const bot = s.properties.bots.items.properties;
    const limits = botLimits(v);
    expect(bot.scopes.items.enum).toEqual(limits.scopes);
    expect(bot.scopes.maxItems).toBe(limits.maxScopes);
    expect(bot.commandLists.maxItems).toBe(limits.maxCommandLists);
    const commands = bot.commandLists.items.properties.commands;
    expect(commands.maxItems).toBe(limits.maxCommands);
    expect(commands.items.properties.title.maxLength).toBe(limits.commandTitleMax);
    expect(commands.items.properties.description.maxLength).toBe(limits.commandDescriptionMax);
    expect(s.properties.validDomains.maxItems).toBe(limits.validDomainsMax);
  });
});
