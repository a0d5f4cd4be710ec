import { DEFAULT_ENDPOINT, parseStoreBaseUrl } from '@agl/client';
import type { AGLExporterOptions } from '@agl/exporter';

/** What `AGL_*` environment variables ask for. */
export interface AglEnvConfig {
  enabled: boolean;
  exporter: AGLExporterOptions;
  /** Run our own provider even when the app already registered one. */
  isolated: boolean;
  /** Warn once at start-up when the store does not answer. */
  checkOnStart: boolean;
}

export type ConfigResult = { ok: true; config: AglEnvConfig } | { ok: false; errors: string[] };

type Env = Record<string, string | undefined>;

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off', ''];

interface Reader {
  errors: string[];
  env: Env;
}

function bool(r: Reader, name: string, fallback: boolean): boolean {
  const raw = r.env[name];
  if (raw === undefined) return fallback;
  const value = raw.trim().toLowerCase();
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  r.errors.push(
    `${name}="${raw}" is not a boolean: use one of ${[...TRUE, ...FALSE.filter(Boolean)].join(', ')}`,
  );
  return fallback;
}

function choice<T extends string>(r: Reader, name: string, allowed: readonly T[]): T | undefined {
  const raw = r.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = raw.trim().toLowerCase() as T;
  if (allowed.includes(value)) return value;
  r.errors.push(`${name}="${raw}" is not accepted: use one of ${allowed.join(', ')}`);
  return undefined;
}

function positiveInt(r: Reader, name: string): number | undefined {
  const raw = r.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw.trim());
  if (Number.isInteger(value) && value > 0) return value;
  r.errors.push(`${name}="${raw}" must be a whole number greater than 0`);
  return undefined;
}

function url(r: Reader, name: string, fallback: string): string {
  const raw = r.env[name]?.trim();
  if (!raw) return fallback;
  const parsed = parseStoreBaseUrl(raw);
  if (parsed.ok) return parsed.baseUrl;
  r.errors.push(`${name}=${parsed.problem}`);
  return fallback;
}

function json(r: Reader, name: string): Record<string, unknown> | undefined {
  const raw = r.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  try {
    const value = JSON.parse(raw);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  r.errors.push(`${name} must be a JSON object such as {"team":"growth"}`);
  return undefined;
}

function set<K extends keyof AGLExporterOptions>(
  target: AGLExporterOptions,
  key: K,
  value: AGLExporterOptions[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}

/** Reads the `AGL_*` variables. Pure: pass `process.env` or any record. */
export function readAglEnv(env: Env): ConfigResult {
  const r: Reader = { errors: [], env };
  const enabled = bool(r, 'AGL_ENABLED', false);
  const exporter: AGLExporterOptions = {
    endpoint: url(r, 'AGL_ENDPOINT', DEFAULT_ENDPOINT),
  };
  set(exporter, 'dialect', choice(r, 'AGL_DIALECT', ['auto', '0.2', '0.3'] as const));
  set(exporter, 'scope', choice(r, 'AGL_EXPORT_SCOPE', ['agent', 'trace'] as const));
  set(exporter, 'mode', choice(r, 'AGL_ROLLOUT_MODE', ['train', 'val', 'test'] as const));
  set(exporter, 'transport', choice(r, 'AGL_TRANSPORT', ['otlp', 'rest'] as const));
  set(exporter, 'maxQueueSpans', positiveInt(r, 'AGL_MAX_QUEUE_SPANS'));
  set(exporter, 'maxQueueBytes', positiveInt(r, 'AGL_MAX_QUEUE_BYTES'));
  set(exporter, 'maxBatchSpans', positiveInt(r, 'AGL_MAX_BATCH_SPANS'));
  set(exporter, 'maxConcurrentRequests', positiveInt(r, 'AGL_MAX_CONCURRENT_REQUESTS'));
  set(exporter, 'maxHoldMs', positiveInt(r, 'AGL_MAX_HOLD_MS'));
  set(exporter, 'runTimeoutMs', positiveInt(r, 'AGL_RUN_TIMEOUT_MS'));
  set(exporter, 'flushTimeoutMs', positiveInt(r, 'AGL_FLUSH_TIMEOUT_MS'));
  set(exporter, 'shutdownTimeoutMs', positiveInt(r, 'AGL_SHUTDOWN_TIMEOUT_MS'));
  set(exporter, 'metadata', json(r, 'AGL_ROLLOUT_METADATA'));
  const isolated = bool(r, 'AGL_ISOLATED_PROVIDER', false);
  const checkOnStart = bool(r, 'AGL_STARTUP_CHECK', true);
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, config: { enabled, exporter, isolated, checkOnStart } };
}
