/**
 * The child-process side of a test bot (see start-bot.ts): the bot listens on plain HTTP the way
 * its SDK's samples do, and a TLS terminator in front of it plays the part of the hosting
 * platform's front end (App Service, a container ingress) with the test PKI's certificate. The
 * parent learns the HTTPS port and reads what reached the bot's own code over IPC.
 */
import { createServer as createNetServer, connect, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface ReceivedActivity {
  type: string;
  name?: string;
  text?: string;
  serviceUrl?: string;
  deliveryMode?: string;
}

export const received: ReceivedActivity[] = [];

export function record(activity: { type?: string; name?: string; text?: string; serviceUrl?: string; deliveryMode?: string }): void {
  received.push({
    type: String(activity.type ?? ''),
    ...(activity.name ? { name: activity.name } : {}),
    ...(activity.text ? { text: activity.text } : {}),
    ...(activity.serviceUrl ? { serviceUrl: activity.serviceUrl } : {}),
    ...(activity.deliveryMode ? { deliveryMode: activity.deliveryMode } : {}),
  });
}

export async function freePort(): Promise<number> {
  const s: Server = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const addr = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return addr.port;
}

/** Starts the bot through `listen(httpPort)`, puts TLS in front of it and tells the parent. */
export async function hostBot(listen: (httpPort: number) => Promise<void> | void): Promise<void> {
  const httpPort = await freePort();
  await listen(httpPort);
  const key = process.env.BOT_TLS_KEY ?? '';
  const cert = process.env.BOT_TLS_CERT ?? '';
  const tls = createTlsServer({ key, cert }, (socket) => {
    const upstream = connect(httpPort, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    const end = (): void => { socket.destroy(); upstream.destroy(); };
    socket.on('error', end);
    upstream.on('error', end);
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => socket.destroy());
  });
  tls.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  const addr = tls.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  // Wait until the bot's own HTTP listener answers before saying ready.
  for (let i = 0; i < 100; i += 1) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(httpPort, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  process.on('message', (m: unknown) => {
    if (m === 'received') process.send?.({ received });
  });
  process.send?.({ ready: true, port: addr.port, httpPort });
  process.on('disconnect', () => process.exit(0));
}
