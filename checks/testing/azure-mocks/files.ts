/** Writes test documents into a fresh temporary directory. Test-only. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  path: string;
  write(name: string, content: string | object): Promise<string>;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'botflow-reg-'));
  return {
    path,
    async write(name, content) {
      const file = join(path, name);
      await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2), 'utf8');
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** A minimal v1.17-style manifest with one bot. */
export function manifestJson(botId: string, bot: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
    manifestVersion: '1.17',
    version: '1.0.0',
    id: '9d3f2a51-7c1e-4b8a-a2f0-5e6d7c8b9a01',
    developer: { name: 'Contoso', websiteUrl: 'https://contoso.example', privacyUrl: 'https://contoso.example/privacy', termsOfUseUrl: 'https://contoso.example/terms' },
    name: { short: 'Helpdesk', full: 'Contoso Helpdesk' },
    description: { short: 'Helpdesk bot', full: 'Answers helpdesk questions.' },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#FFFFFF',
    bots: [{ botId, scopes: ['personal', 'team'], ...bot }],
    validDomains: ['bot.contoso.example'],
    ...extra,
  };
}
