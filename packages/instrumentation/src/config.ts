import { DEFAULT_ENDPOINT, parseStoreBaseUrl } from '@agl/client';
import type { AGLExporterOptions, AglRunContext } from '@agl/exporter';

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

/** Node's timers fire at once for delays above this (with a warning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Milliseconds: a whole number from 1 to `max`, so that no timer overflows. */
function durationMs(r: Reader, name: string, max: number): number | undefined {
  const raw = r.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw.trim());
  if (/^\d+$/.test(raw.trim()) && value > 0 && value <= max) return value;
  r.errors.push(
    `${name}="${raw}" must be a whole number of milliseconds from 1 to ${max.toLocaleString('en-US')}`,
  );
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

function rate(r: Reader, name: string): number | undefined {
  const raw = r.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw.trim());
  if (Number.isFinite(value) && value >= 0 && value <= 1) return value;
  r.errors.push(`${name}="${raw}" must be a number from 0 to 1, e.g. 0.1 to keep one run in ten`);
  return undefined;
}

function list(r: Reader, name: string): string[] | undefined {
  const raw = r.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length > 0) return items;
  r.errors.push(`${name}="${raw}" must be a comma-separated list such as a,b`);
  return undefined;
}

function text(r: Reader, name: string): string | undefined {
  const raw = r.env[name]?.trim();
  return raw ? raw : undefined;
}

/** App-wide run context: AGL_ENVIRONMENT, AGL_RELEASE, AGL_TAGS. */
function runContext(r: Reader): AglRunContext | undefined {
  const context: AglRunContext = {};
  const environment = text(r, 'AGL_ENVIRONMENT');
  const release = text(r, 'AGL_RELEASE');
  const tags = list(r, 'AGL_TAGS');
  if (environment) context.environment = environment;
  if (release) context.release = release;
  if (tags) context.tags = tags;
  return Object.keys(context).length > 0 ? context : undefined;
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
  // Spans held back and exit flushes beyond ten minutes help nobody; a run may last days.
  set(exporter, 'maxHoldMs', durationMs(r, 'AGL_MAX_HOLD_MS', 600_000));
  set(exporter, 'runTimeoutMs', durationMs(r, 'AGL_RUN_TIMEOUT_MS', MAX_TIMER_MS));
  set(exporter, 'flushTimeoutMs', durationMs(r, 'AGL_FLUSH_TIMEOUT_MS', 600_000));
  set(exporter, 'shutdownTimeoutMs', durationMs(r, 'AGL_SHUTDOWN_TIMEOUT_MS', 600_000));
  set(exporter, 'metadata', json(r, 'AGL_ROLLOUT_METADATA'));
  set(exporter, 'sampleRate', rate(r, 'AGL_SAMPLE_RATE'));
  set(exporter, 'dropSpans', list(r, 'AGL_DROP_SPANS'));
  set(exporter, 'runContext', runContext(r));
  set(exporter, 'exportMode', choice(r, 'AGL_EXPORT_MODE', ['batched', 'immediate'] as const));
  const isolated = bool(r, 'AGL_ISOLATED_PROVIDER', false);
  const checkOnStart = bool(r, 'AGL_STARTUP_CHECK', true);
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, config: { enabled, exporter, isolated, checkOnStart } };
}
