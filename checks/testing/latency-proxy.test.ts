import { connect, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startLatencyProxy } from './latency-proxy';

describe('latency proxy', () => {
  it('forwards both ways and adds one round trip per exchange', async () => {
    const echo = createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    const port = (echo.address() as { port: number }).port;
    const proxy = await startLatencyProxy({ host: '127.0.0.1', port }, 80);
    try {
      const socket = connect(proxy.port, '127.0.0.1');
      await new Promise<void>((r) => socket.once('connect', () => r()));
      const t0 = performance.now();
      socket.write('ping');
      const reply = await new Promise<string>((r) => socket.once('data', (d: Buffer) => r(d.toString())));
      const elapsed = performance.now() - t0;
      socket.destroy();
      expect(reply).toBe('ping');
      expect(elapsed).toBeGreaterThanOrEqual(75);
    } finally {
      await proxy.close();
      await new Promise<void>((r) => echo.close(() => r()));
    }
  });
});
