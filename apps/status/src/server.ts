// `pnpm agl:status:server`: serves the status API and page until Ctrl-C.
import type { AddressInfo } from 'node:net';
import type { AglStore } from '@agl/client';
import { serve } from '@hono/node-server';
import { createStatusApp, type StatusApp } from './app.ts';
import {
  ConfigError,
  describeConfig,
  isLoopbackHost,
  parseConfig,
  type StatusConfig,
} from './config.ts';
import { connectStore as connectToStore } from './store-client.ts';

export interface RunningStatusServer {
  /** e.g. `http://127.0.0.1:4748` */
  url: string;
  port: number;
  status: StatusApp;
  close(): Promise<void>;
}

/** Starts the status server and its live feed; resolves once it listens. */
export async function startStatusServer(
  config: StatusConfig,
  connectStore: (endpoint: string) => Promise<AglStore> = connectToStore,
): Promise<RunningStatusServer> {
  const status = createStatusApp({ config, connectStore });
  status.feed.start();
  const server = serve({ fetch: status.app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await status.close();
    if (error.code === 'EADDRINUSE') {
      throw new ConfigError(
        'AGL_STATUS_PORT',
        `port ${config.port} on ${config.host} is already in use; stop the other process or pick another port`,
      );
    }
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const host =
    config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    status,
    close: async () => {
      await status.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}

async function main(): Promise<void> {
  let config: StatusConfig;
  try {
    config = parseConfig();
  } catch (error) {
    console.error(`agl-status: ${(error as Error).message}`);
    process.exit(2);
  }
  let running: RunningStatusServer;
  try {
    running = await startStatusServer(config);
  } catch (error) {
    console.error(`agl-status: ${(error as Error).message}`);
    process.exit(1);
  }
  const settings = Object.entries(describeConfig(config))
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  console.log(`agl-status: listening on ${running.url} (${settings})`);
  if (!isLoopbackHost(config.host) && config.token === null) {
    console.warn(
      'agl-status: bound beyond loopback without AGL_STATUS_TOKEN: anyone who can reach it can read it.',
    );
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`agl-status: ${signal} received, stopping…`);
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

if (import.meta.main) await main();
