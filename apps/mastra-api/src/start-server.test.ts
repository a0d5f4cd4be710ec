import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '@agl/post-analyzer';
import { describe, expect, it, vi } from 'vitest';
import { startServer } from './start-server.ts';

// A model server that is never called: these tests stop before or right after listening.
function unusedOfflineModel() {
  const close = vi.fn(async () => {});
  return {
    close,
    start: async () => ({ url: 'http://127.0.0.1:9/v1', model: 'offline-test-model', close }),
  };
}

describe('startServer', () => {
  it('fails with a ConfigError naming the variable before starting anything', async () => {
    const offline = unusedOfflineModel();
    const start = vi.fn(offline.start);
    await expect(
      startServer({ env: { PORT: 'eighty' }, startOfflineModel: start, log: () => {} }),
    ).rejects.toThrow(
      new ConfigError('PORT must be a whole number from 0 to 65535, got "eighty".'),
    );
    expect(start).not.toHaveBeenCalled();
  });

  it('stops the offline model when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    const offline = unusedOfflineModel();
    try {
      await expect(
        startServer({
          env: { PORT: String(port) },
          startOfflineModel: offline.start,
          log: () => {},
          mastraLogger: false,
        }),
      ).rejects.toThrow(
        new ConfigError(
          `PORT ${port} is already in use on 127.0.0.1 (EADDRINUSE): stop the other process, or set PORT to another port (0 picks a free one).`,
        ),
      );
      expect(offline.close).toHaveBeenCalledOnce();
    } finally {
      blocker.close();
    }
  });

  it('serves on a free port, announces the model and closes once', async () => {
    const offline = unusedOfflineModel();
    const lines: string[] = [];
    const server = await startServer({
      env: { PORT: '0' },
      startOfflineModel: offline.start,
      log: (line) => lines.push(line),
      mastraLogger: false,
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[0]).toContain(
        'OFFLINE deterministic model "offline-test-model" at http://127.0.0.1:9/v1',
      );
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toEqual({
        status: 'ok',
        model: { id: 'offline-test-model', offline: true },
      });
    } finally {
      await Promise.all([server.close(), server.close()]);
    }
    expect(offline.close).toHaveBeenCalledOnce();
  });
});
