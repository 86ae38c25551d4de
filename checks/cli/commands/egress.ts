import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../command';
import { addCommonOptions, readCaFile, runSuiteCommand, type CommonFlags } from '../run-suite';
import { UsageError } from '../usage-error';
import { BOT_REGIONS, EGRESS_CLOUD_IDS, type BotRegion, type EgressCloudId } from '../../core/clouds';
import { egressSuite } from '../../suites/egress';
import { EGRESS_DEADLINE_MS, EGRESS_GATHERER_TIMEOUT_MS, egressPlan, type EgressInput, type EgressPlan } from '../../gather/egress-config';
import { featuresFromFlags } from './allowlist';

interface EgressFlags extends CommonFlags {
  cloud: EgressCloudId;
  calling?: boolean;
  sso?: boolean;
  graph?: boolean;
  region?: BotRegion;
  ca?: string;
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'] as const;

/** Run-level notes: which proxy is used (no credentials) and what the bot process must do to use it too. */
export function egressNotes(plan: EgressPlan, env: Readonly<Record<string, string | undefined>>): string[] {
  const notes = [
    plan.proxy.configured
      ? `Outbound connections go through the proxy ${plan.proxy.proxy} (from ${plan.proxy.source})${plan.proxy.noProxy ? `, except hosts matching NO_PROXY=${plan.proxy.noProxy}` : ''}.`
      : `No HTTPS_PROXY is set: connections go direct${plan.proxy.noProxy ? ` (NO_PROXY=${plan.proxy.noProxy} has no effect without a proxy)` : ''}.`,
    'Run this on the machine (or container) the bot runs on: its network is what matters.',
  ];
  if (plan.region && !plan.features.includes('sso')) {
    notes.push(`--region ${plan.region} adds the regional user-token hosts, which only --sso uses; add --sso to check them.`);
  }
  const httpOnly = !plan.proxy.configured && Boolean(env.HTTP_PROXY?.trim() || env.http_proxy?.trim());
  if (httpOnly) {
    notes.push('HTTP_PROXY is set but HTTPS_PROXY is not: this run (like curl) connected directly. Some HTTP clients (undici EnvHttpProxyAgent) would send HTTPS through HTTP_PROXY; set HTTPS_PROXY to be explicit.');
  }
  if (plan.proxy.configured && env.NODE_USE_ENV_PROXY !== '1' && !(env.NODE_OPTIONS ?? '').includes('--use-env-proxy')) {
    notes.push("Node.js's built-in HTTP clients follow HTTPS_PROXY only with NODE_USE_ENV_PROXY=1 or --use-env-proxy (Node 22.21+ / 24.5+, see https://nodejs.org/api/http.html#built-in-proxy-support) or when the bot's HTTP client is given the proxy; check that the bot process really uses it.");
  }
  return notes;
}

/** `botflow egress`: can this machine reach every host the bot needs, untampered and on time? */
const register: RegisterCommand = (program, ctx) => {
  const cmd: Command = program
    .command('egress')
    .description('Check, from the machine the bot runs on, that every host the bot needs is reachable (DNS, TCP 443, TLS), not TLS-intercepted, serving valid OpenID metadata, and that the clock is right. Honours HTTPS_PROXY and NO_PROXY.')
    .addOption(new Option('--cloud <cloud>', 'Microsoft cloud of the tenant').choices([...EGRESS_CLOUD_IDS]).default('public'))
    .option('--calling', 'the bot handles calls or meetings (adds Microsoft Graph)')
    .option('--sso', 'the bot signs users in (OAuth connections / SSO: adds the user-token service)')
    .option('--graph', 'the bot calls Microsoft Graph')
    .addOption(new Option('--region <region>', 'regional Azure Bot (data residency): adds its regional token hosts').choices([...BOT_REGIONS]))
    .option('--ca <pem>', 'extra root CA (PEM file) the bot process trusts, e.g. the one in NODE_EXTRA_CA_CERTS');
  addCommonOptions(cmd);
  cmd.action(async (flags: EgressFlags) => {
    if (flags.region && flags.cloud !== 'public') {
      throw new UsageError(`--region ${flags.region} applies to worldwide (public) bots only; drop --region or use --cloud public.`);
    }
    const ca = flags.ca !== undefined ? await readCaFile(flags.ca, ctx.io.cwd) : undefined;
    const proxyEnv: Record<string, string> = {};
    for (const name of PROXY_VARS) {
      const v = ctx.io.env[name];
      if (typeof v === 'string' && v.trim()) proxyEnv[name] = v;
    }
    const features = featuresFromFlags(flags);
    const input: EgressInput = { cloud: flags.cloud, ...(features.length ? { features } : {}), ...(flags.region ? { region: flags.region } : {}), proxyEnv };
    const plan = egressPlan(input);
    const notes = egressNotes(plan, ctx.io.env);
    await runSuiteCommand(ctx, {
      suite: egressSuite,
      input: { egress: input },
      flags,
      run: { deadlineMs: EGRESS_DEADLINE_MS, gathererTimeoutMs: EGRESS_GATHERER_TIMEOUT_MS, notes, ...(ca ? { ca } : {}) },
    });
  });
};
export default register;
