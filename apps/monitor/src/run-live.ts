import type { AglServerClient, AglStore } from '@agl/client';
import { render } from 'ink';
import { App } from './app.ts';
import type { MonitorOptions } from './args.ts';
import { h } from './h.ts';
import { Server1Feed } from './server-1-feed.ts';
import { StoreFeed } from './store-feed.ts';

export interface LiveIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
}

/**
 * Runs the interactive dashboard until the user quits (or a signal arrives); resolves 0. With
 * `server1`, the endpoint is an AGL 1.0 agl-server read through that client.
 */
export async function runLive(
  options: Pick<MonitorOptions, 'endpoint' | 'intervalMs' | 'recent'>,
  connect: (endpoint: string) => Promise<AglStore>,
  io: LiveIo,
  server1: AglServerClient | null = null,
): Promise<number> {
  const feed = server1
    ? new Server1Feed({
        client: server1,
        intervalMs: options.intervalMs,
        recent: options.recent,
      }).start()
    : new StoreFeed({
        endpoint: options.endpoint,
        connect,
        intervalMs: options.intervalMs,
        recent: options.recent,
      }).start();
  const ink = render(h(App, { feed }), {
    stdout: io.stdout,
    stderr: io.stderr,
    stdin: io.stdin,
    // The caller decided this is a terminal; CI detection must not turn the dashboard off.
    interactive: true,
    alternateScreen: true,
    incrementalRendering: true,
    maxFps: 15,
    exitOnCtrlC: true,
  });
  const stop = () => ink.unmount();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.once(signal, stop);
  try {
    await ink.waitUntilExit();
  } finally {
    for (const signal of signals) process.off(signal, stop);
    await feed.close();
  }
  return 0;
}
