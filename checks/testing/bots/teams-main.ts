/**
 * A Teams SDK (@microsoft/teams.apps 2.x) echo bot with the SDK's own HTTP hosting (App.start),
 * configured from the environment as its docs show (CLIENT_ID, CLIENT_SECRET, TENANT_ID). With no
 * credentials it rejects every request unless DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true
 * (anonymous mode). It replies to every message, as real bots do.
 */
import { App } from '@microsoft/teams.apps';
import { ConsoleLogger } from '@microsoft/teams.common';
import { hostBot, record } from './bot-host';

const app = new App({ logger: new ConsoleLogger('test-bot', { level: 'error' }) });
// Records every activity that reached the bot's own code (after the SDK's authentication).
app.use(async ({ activity, next }) => { record(activity); return next(); });
app.on('message', async ({ activity, send }) => {
  await send(`Echo: ${activity.text ?? ''}`);
});

await hostBot((port) => app.start(port));
