import { ConfigError, type Env } from './model-config.ts';

export interface ServerConfig {
  port: number;
  host: string;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';

/** `PORT` (default 3000, 0 picks a free port) and `HOST` (default 127.0.0.1, loopback only). */
export function readServerConfig(env: Env): ServerConfig {
  const rawPort = env.PORT?.trim();
  const rawHost = env.HOST?.trim();
  let port = DEFAULT_PORT;
  if (rawPort !== undefined && rawPort !== '') {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port > 65_535) {
      throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${rawPort}".`);
    }
  }
  const host = rawHost === undefined || rawHost === '' ? DEFAULT_HOST : rawHost;
  if (/\s/.test(host))
    throw new ConfigError(`HOST must be a host name or IP address, got "${host}".`);
  return { port, host };
}
