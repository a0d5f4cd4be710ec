import { ConfigError, type Env } from '@agl/post-analyzer';

export interface ServerConfig {
  port: number;
  host: string;
  /** `API_TOKEN`: when set, every route but /health needs `Authorization: Bearer <token>`. */
  token: string | null;
  /** `MAX_BODY_BYTES` (default 1 MiB): larger request bodies get 413. */
  maxBodyBytes: number;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** A post is text; 64 MiB is far beyond any sane one. */
const MAX_BODY_BYTES_LIMIT = 64 * 1024 * 1024;

/**
 * `PORT` (default 3000, 0 picks a free port), `HOST` (default 127.0.0.1, loopback only),
 * `API_TOKEN` (optional) and `MAX_BODY_BYTES` (default 1 MiB).
 */
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
  const token = env.API_TOKEN?.trim() || null;
  if (token !== null && /\s/.test(token)) {
    throw new ConfigError('API_TOKEN must not contain spaces.');
  }
  const rawLimit = env.MAX_BODY_BYTES?.trim();
  let maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  if (rawLimit !== undefined && rawLimit !== '') {
    maxBodyBytes = Number(rawLimit);
    if (!/^\d+$/.test(rawLimit) || maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
      throw new ConfigError(
        `MAX_BODY_BYTES must be a whole number of bytes from 1 to ${MAX_BODY_BYTES_LIMIT}, got "${rawLimit}".`,
      );
    }
  }
  return { port, host, token, maxBodyBytes };
}

/** A failure to listen as one line saying what to change; other errors are returned as they are. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return new ConfigError(
      `PORT ${port} is already in use on ${host} (EADDRINUSE): stop the other process, or set PORT to another port (0 picks a free one).`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new ConfigError(
      `HOST "${host}" is not an address of this machine (${code}): set HOST to one, e.g. 127.0.0.1.`,
    );
  }
  if (code === 'EACCES') {
    return new ConfigError(
      `Not allowed to listen on ${host}:${port} (EACCES): use a PORT above 1023, or 0 for a free one.`,
    );
  }
  return error;
}
