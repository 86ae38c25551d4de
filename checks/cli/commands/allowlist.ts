import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../command';
import { UsageError } from '../usage-error';
import { ExitCode } from '../exit-codes';
import { BOT_REGIONS, EGRESS_CLOUD_IDS, type BotRegion, type EgressCloudId, type Feature } from '../../core/clouds';
import { ALLOWLIST_FORMATS, buildAllowlist, renderAllowlist, type AllowlistFormat } from '../../allowlist/allowlist';

interface AllowlistFlags {
  cloud: EgressCloudId;
  calling?: boolean;
  sso?: boolean;
  graph?: boolean;
  region?: BotRegion;
  format: AllowlistFormat;
  output?: string;
}

export function featuresFromFlags(flags: { calling?: boolean; sso?: boolean; graph?: boolean }): Feature[] {
  return (['calling', 'sso', 'graph'] as const).filter((f) => flags[f]);
}

/** `botflow allowlist`: the outbound firewall allowlist for a cloud and the bot's features. */
const register: RegisterCommand = (program, ctx) => {
  const cmd: Command = program
    .command('allowlist')
    .description("Print the outbound firewall allowlist (host names, HTTPS 443) for the bot's cloud and features.")
    .addOption(new Option('--cloud <cloud>', 'Microsoft cloud of the tenant').choices([...EGRESS_CLOUD_IDS]).default('public'))
    .option('--calling', 'the bot handles calls or meetings (adds Microsoft Graph)')
    .option('--sso', 'the bot signs users in (OAuth connections / SSO: adds the user-token service)')
    .option('--graph', 'the bot calls Microsoft Graph')
    .addOption(new Option('--region <region>', 'regional Azure Bot (data residency): adds its regional token hosts').choices([...BOT_REGIONS]))
    .addOption(new Option('--format <format>', 'output format').choices([...ALLOWLIST_FORMATS]).default('text'))
    .option('--output <file>', 'write the allowlist to a file instead of standard output');
  cmd.action(async (flags: AllowlistFlags) => {
    if (flags.region && flags.cloud !== 'public') {
      throw new UsageError(`--region ${flags.region} applies to worldwide (public) bots only; drop --region or use --cloud public.`);
    }
    const list = buildAllowlist({ cloud: flags.cloud, features: featuresFromFlags(flags), ...(flags.region ? { region: flags.region } : {}) });
    const text = renderAllowlist(list, flags.format);
    if (flags.output) {
      try {
        await writeFile(flags.output, text, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot write the allowlist to "${flags.output}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Choose a writable path.`);
      }
      ctx.io.stderr.write(`botflow: allowlist written to ${flags.output}\n`);
    } else {
      ctx.io.stdout.write(text);
    }
    ctx.setExit(ExitCode.OK);
  });
};
export default register;
