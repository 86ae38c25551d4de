/**
 * A TCP forwarder on loopback that delays every chunk by half a round-trip time in each
 * direction, so a local target behaves like one across a network (a handshake that needs two
 * round trips takes two RTTs). Used where latency matters, e.g. to show that probes overlap.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface LatencyProxy {
  port: number;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: { host: string; port: number }, rttMs: number): Promise<LatencyProxy> {
  const sockets = new Set<Socket>();
  const half = Math.max(0, rttMs / 2);
  const pipeDelayed = (from: Socket, to: Socket): void => {
    from.on('data', (chunk: Buffer) => { setTimeout(() => { if (!to.destroyed) to.write(chunk); }, half); });
    from.on('end', () => { setTimeout(() => to.end(), half); });
    from.on('error', () => to.destroy());
    from.on('close', () => { setTimeout(() => to.destroy(), half + 1); });
  };
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); }
    pipeDelayed(client, upstream);
    pipeDelayed(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('latency proxy has no port');
  return {
    port: address.port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
