/**
 * A Bot Framework SDK (botbuilder 4.x) echo bot, configured from the environment the way the
 * SDK's samples are (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType,
 * MicrosoftAppTenantId), hosted with express and CloudAdapter.process. With no MicrosoftAppId
 * the SDK skips authentication (anonymous mode). It replies to every message, as real bots do,
 * and its turn-error handler tries to tell the user, as the samples' handler does.
 */
import express from 'express';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { hostBot, record } from './bot-host';

const auth = new ConfigurationBotFrameworkAuthentication(process.env as Record<string, string>);
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context: TurnContext, error: Error) => {
  console.error(`[onTurnError] unhandled error: ${error.message}`);
  await context.sendActivity('The bot encountered an error or bug.');
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    // Records every activity that reached the bot's own code (after the SDK's authentication).
    this.onTurn(async (context, next) => { record(context.activity); await next(); });
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}
const bot = new EchoBot();

await hostBot((port) => new Promise<void>((resolve) => {
  const app = express();
  app.use(express.json());
  app.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  app.listen(port, '127.0.0.1', () => resolve());
}));
