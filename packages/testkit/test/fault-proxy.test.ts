import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../src/index.ts';

describe('FaultProxy', () => {
  let server: Server;
  let proxy: FaultProxy;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.address();
    proxy = await new FaultProxy(typeof address === 'object' && address ? address.port : 0).start();
  });

  afterAll(async () => {
    await proxy.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('passes traffic through', async () => {
    proxy.setMode({ kind: 'pass' });
    expect(await (await fetch(proxy.url)).text()).toBe('hello');
  });

  it('stalls traffic until released', async () => {
    proxy.setMode({ kind: 'stall' });
    const stalled = await fetch(proxy.url, { signal: AbortSignal.timeout(300) }).catch(
      (error: Error) => error.name,
    );
    expect(stalled).toBe('TimeoutError');
    proxy.setMode({ kind: 'pass' });
    expect(await (await fetch(proxy.url)).text()).toBe('hello');
  });

  it('resets connections', async () => {
    proxy.setMode({ kind: 'reset' });
    await expect(fetch(proxy.url)).rejects.toThrow();
    proxy.setMode({ kind: 'pass' });
  });

  it('closes connections', async () => {
    proxy.setMode({ kind: 'close' });
    await expect(fetch(proxy.url)).rejects.toThrow();
    proxy.setMode({ kind: 'pass' });
  });

  it('delays traffic', async () => {
    proxy.setMode({ kind: 'delay', ms: 50 });
    expect(await (await fetch(proxy.url)).text()).toBe('hello');
    proxy.setMode({ kind: 'pass' });
  });
});
