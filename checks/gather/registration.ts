/**
 * AzureRegistration from documents the user gives (the JSON `az bot show` and
 * `az bot msteams show` print). No I/O beyond the input itself: runs in the browser too.
 * In Node, azureRegistrationGatherer (registration-arm.ts) reads live from ARM or delegates here.
 */
import { InvalidInputError } from '../core/errors';
import { defineGatherer } from '../core/gatherer';
import type { JsonValue } from '../core/types';
import { parseJsonDocument } from '../core/json-parse';
import { buildRegistrationEvidence } from '../computed/registration-model';

export type { AzureRegistrationEvidence, TeamsChannelEvidence, CloudName } from '../computed/registration-model';

function documentOf(value: string | JsonValue, label: string): JsonValue {
  return typeof value === 'string' ? parseJsonDocument(value, label) : value;
}

export const registrationDocumentGatherer = defineGatherer({
  id: 'AzureRegistration',
  environments: ['node', 'browser'],
  async gather(ctx) {
    const { bot, channel } = ctx.input;
    const botLabel = ctx.input.botLabel ?? 'the Azure Bot JSON';
    const channelLabel = ctx.input.channelLabel ?? 'the Teams channel JSON';
    if (bot === undefined || bot === '') {
      throw new InvalidInputError('No Azure Bot resource JSON was given: save "az bot show --name <bot> --resource-group <group>" to a file and pass it.', { field: 'bot' });
    }
    return buildRegistrationEvidence({
      source: 'document',
      bot: documentOf(bot, botLabel),
      botLabel,
      ...(channel !== undefined && channel !== '' ? { channel: documentOf(channel, channelLabel), channelLabel } : {}),
    });
  },
});
