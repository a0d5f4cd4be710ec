import { DEFAULT_ENDPOINT, parseStoreBaseUrl } from '@agl/client';
import { displayEndpoint } from '@agl/snapshot';

export interface StatusConfig {
  /** AGL store base URL (`AGL_ENDPOINT`). */
  endpoint: string;
  /** Port of the status server (`AGL_STATUS_PORT`). */
  port: number;
  /** Interface to bind (`AGL_STATUS_HOST`). */
  host: string;
  /** Bearer token required on every route but `/health` (`AGL_STATUS_TOKEN`); null: open. */
  token: string | null;
  /** How often the live feed polls AGL (`AGL_STATUS_POLL_MS`). */
  pollIntervalMs: number;
  /** The key of an AGL 1.0 agl-server (`AGL_KEY`), sent as a bearer token; null: none. */
  key?: string | null;
}

export const DEFAULT_CONFIG: StatusConfig = {
  endpoint: DEFAULT_ENDPOINT,
  port: 4748,
  host: '127.0.0.1',
  token: null,
  pollIntervalMs: 2000,
  key: null,
};

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

/** Reads the status server's settings from the environment; throws `ConfigError` on bad values. */
export function parseConfig(env: Env = process.env): StatusConfig {
  return {
    endpoint: parseEndpoint(env.AGL_ENDPOINT, 'AGL_ENDPOINT'),
    port: parsePort(env.AGL_STATUS_PORT, 'AGL_STATUS_PORT', DEFAULT_CONFIG.port),
    host: parseHost(env.AGL_STATUS_HOST, 'AGL_STATUS_HOST'),
    token: parseToken(env.AGL_STATUS_TOKEN, 'AGL_STATUS_TOKEN'),
    pollIntervalMs: parseInterval(env.AGL_STATUS_POLL_MS, 'AGL_STATUS_POLL_MS'),
    key: present(env.AGL_KEY),
  };
}

function present(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function parseEndpoint(value: string | undefined, variable: string): string {
  const text = present(value);
  if (text === null) return DEFAULT_CONFIG.endpoint;
  const parsed = parseStoreBaseUrl(text);
  if (!parsed.ok) throw new ConfigError(variable, parsed.problem);
  return parsed.baseUrl;
}

function parsePort(value: string | undefined, variable: string, fallback: number): number {
  const text = present(value);
  if (text === null) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) {
    throw new ConfigError(variable, `"${text}" is not a port; use a whole number from 1 to 65535`);
  }
  return port;
}

function parseHost(value: string | undefined, variable: string): string {
  const text = present(value);
  if (text === null) return DEFAULT_CONFIG.host;
  if (/[\s/]/.test(text)) {
    throw new ConfigError(variable, `"${text}" is not a host name or IP address`);
  }
  return text;
}

function parseToken(value: string | undefined, variable: string): string | null {
  if (value === undefined || value === '') return null;
  if (value.trim() !== value || /\s/.test(value)) {
    throw new ConfigError(variable, 'the token must not contain spaces or line breaks');
  }
  if (value.length < 16) {
    throw new ConfigError(
      variable,
      'use a token of at least 16 characters (e.g. `openssl rand -hex 24`)',
    );
  }
  return value;
}

function parseInterval(value: string | undefined, variable: string): number {
  const text = present(value);
  if (text === null) return DEFAULT_CONFIG.pollIntervalMs;
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms < 200 || ms > 600_000) {
    throw new ConfigError(
      variable,
      `"${text}" is out of range; use milliseconds from 200 to 600000`,
    );
  }
  return ms;
}

/** True for addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/** The configuration as it may be printed: the token is never shown. */
export function describeConfig(config: StatusConfig): Record<string, string | number> {
  return {
    endpoint: displayEndpoint(config.endpoint),
    host: config.host,
    port: config.port,
    token: config.token === null ? 'none (open)' : 'set (hidden)',
    pollIntervalMs: config.pollIntervalMs,
    aglKey: config.key ? 'set (hidden)' : 'none',
  };
}
