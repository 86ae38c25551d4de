import type { Command } from 'commander';
import type { RegisterCommand } from '../command';
import { addCommonOptions, runSuiteCommand, type CommonFlags } from '../run-suite';
import { UsageError } from '../usage-error';
import { residencySuite } from '../../suites/residency';
import { MAX_SERVICE_URL_LENGTH, redactServiceUrl } from '../../residency/service-url';

/** `botflow residency <serviceUrl>`: which cloud and region serve a conversation, and where its data goes. */
const register: RegisterCommand = (program, ctx) => {
  const cmd: Command = program
    .command('residency')
    .description('Tell the cloud, region and data path of a Teams serviceUrl (no network access).')
    .argument('<serviceUrl>', 'the serviceUrl field of an incoming activity, e.g. https://smba.trafficmanager.net/emea/');
  addCommonOptions(cmd);
  cmd.action(async (serviceUrl: string, flags: CommonFlags) => {
    const value = serviceUrl.trim();
    if (!value) throw new UsageError('the serviceUrl is empty. Pass the serviceUrl of an incoming activity, e.g. https://smba.trafficmanager.net/emea/.');
    if (value.length > MAX_SERVICE_URL_LENGTH) throw new UsageError(`the serviceUrl is longer than ${MAX_SERVICE_URL_LENGTH} characters. Pass the serviceUrl of an incoming activity.`);
    if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
      throw new UsageError(`"${redactServiceUrl(value).slice(0, 100)}" has no scheme. Pass the full serviceUrl, e.g. https://${value.replace(/^\/+/, '').slice(0, 60)}.`);
    }
    try {
      new URL(value);
    } catch {
      throw new UsageError(`"${redactServiceUrl(value).slice(0, 100)}" is not a valid URL. Pass the serviceUrl of an incoming activity, e.g. https://smba.trafficmanager.net/emea/.`);
    }
    await runSuiteCommand(ctx, { suite: residencySuite, input: { serviceUrl: value }, flags });
  });
};
export default register;
