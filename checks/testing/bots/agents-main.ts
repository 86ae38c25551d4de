/**
 * A Microsoft 365 Agents SDK (@microsoft/agents-hosting 1.x) echo agent hosted the way the SDK's
 * samples host it: AgentApplication plus startServer from @microsoft/agents-hosting-express,
 * which reads the connection settings from the environment
 * (connections__serviceConnection__settings__clientId, ...). With no client id, and NODE_ENV not
 * "production", the SDK's JWT middleware lets requests without a token through (anonymous
 * mode). It replies to every message, as real agents do.
 */
import { AgentApplication, MemoryStorage, type TurnContext } from '@microsoft/agents-hosting';
import { startServer } from '@microsoft/agents-hosting-express';
import { hostBot, record } from './bot-host';

const agent = new AgentApplication({ storage: new MemoryStorage() });
agent.onActivity('message', async (context: TurnContext) => {
  await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
});
// Records every activity that reached the agent's own code (after the SDK's authentication).
agent.onTurn('beforeTurn', async (context: TurnContext) => { record(context.activity); return true; });

await hostBot((port) => {
  startServer(agent, { port });
});
