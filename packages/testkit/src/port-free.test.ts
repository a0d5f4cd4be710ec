import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port.ts';
import { portProblem } from './port-free.ts';

describe('portProblem', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it('is null for a free port and EADDRINUSE for a taken one, also across 0.0.0.0', async () => {
    const port = await freePort();
    expect(await portProblem(port, '127.0.0.1')).toBeNull();
    server = createServer();
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    expect(await portProblem(port, '127.0.0.1')).toBe('EADDRINUSE');
    expect(await portProblem(port, '0.0.0.0')).toBe('EADDRINUSE');
  });
});
