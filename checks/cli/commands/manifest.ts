import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext, RegisterCommand } from '../command';
import { addCommonOptions, runSuiteCommand, type CommonFlags } from '../run-suite';
import { UsageError } from '../usage-error';
import { INPUT_LIMITS } from '../../manifest/manifest-input';
import { looksLikeZip } from '../../manifest/zip-magic';
import { isGuid } from '../../manifest/version-rules';
import { manifestSuite } from '../../suites/manifest';

interface ManifestFlags extends CommonFlags {
  appId?: string;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Reads the manifest or package, refusing oversized files before reading them whole. Synchronous:
 * the command reads one file and does nothing else meanwhile, and the first asynchronous file
 * operation of a process starts libuv's thread pool, a cost of every cold `botflow manifest`
 * (issue 12) that buys nothing here.
 */
export function readManifestFile(ctx: CommandContext, path: string): Uint8Array {
  const full = isAbsolute(path) ? path : resolve(ctx.io.cwd, path);
  let fd: number;
  try {
    fd = openSync(full, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`cannot read "${path}": ${why}. Give the path of a manifest.json or an app package .zip.`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`"${path}" is not a file. Give the path of a manifest.json or an app package .zip.`);
    if (stat.size > INPUT_LIMITS.maxPackageBytes) {
      throw new UsageError(`"${path}" is ${mb(stat.size)}; botflow reads app packages up to ${mb(INPUT_LIMITS.maxPackageBytes)} and manifest files up to ${mb(INPUT_LIMITS.maxJsonBytes)}. Check that this is the right file.`);
    }
    const data = new Uint8Array(stat.size);
    let read = 0;
    while (read < stat.size) {
      const bytesRead = readSync(fd, data, read, stat.size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const bytes = data.subarray(0, read);
    if (!looksLikeZip(bytes) && bytes.length > INPUT_LIMITS.maxJsonBytes) {
      throw new UsageError(`"${path}" is ${mb(bytes.length)} and not a zip; botflow reads manifest files up to ${mb(INPUT_LIMITS.maxJsonBytes)}. Check that this is the right file.`);
    }
    return bytes;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read "${path}": ${code === 'EISDIR' ? 'it is a directory' : (code ?? (err as Error).message)}. Give the path of a manifest.json or an app package .zip.`);
  } finally {
    closeSync(fd);
  }
}

/** `botflow manifest <manifest.json|app.zip> [--app-id <guid>]` */
const register: RegisterCommand = (program: Command, ctx: CommandContext) => {
  const cmd = program
    .command('manifest')
    .description('check a Teams app manifest.json or app package .zip offline: JSON, official schema, bot id, scopes, validDomains, SSO, icons, RSC permissions')
    .argument('<file>', 'manifest.json or app package .zip')
    .option('--app-id <guid>', 'the bot\'s Microsoft App ID, to compare with bots[].botId');
  addCommonOptions(cmd);
  cmd.action(async (file: string, flags: ManifestFlags) => {
    if (flags.appId !== undefined && !isGuid(flags.appId.trim())) {
      throw new UsageError(`--app-id "${flags.appId}" is not a GUID; give the Microsoft App ID of the Azure Bot, e.g. 00000000-0000-0000-0000-000000000000.`);
    }
    const bytes = readManifestFile(ctx, file);
    await runSuiteCommand(ctx, {
      suite: manifestSuite,
      input: {
        manifestBytes: bytes,
        manifestName: basename(file),
        ...(flags.appId !== undefined ? { appId: flags.appId.trim() } : {}),
      },
      flags,
    });
  });
};
export default register;
