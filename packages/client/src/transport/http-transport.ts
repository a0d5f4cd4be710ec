import { setTimeout as sleep } from 'node:timers/promises';
import { type Dispatcher, Pool } from 'undici';
import { AglError } from '../errors.ts';
import type { Dialect } from '../store.ts';
import { parseStoreBaseUrl } from '../wire-contract/store-endpoint.ts';
import { classifyNetworkError, type NetworkFailure } from './network-error.ts';
import {
  type ResolvedTransportOptions,
  resolveTransportOptions,
  type TransportOptions,
} from './options.ts';
import { decideRetry, type TryOutcome } from './retry-policy.ts';
import { errorFromResponse } from './server-error.ts';

export type HttpMethod = 'GET' | 'POST';

/** What a call is, independent of its arguments. */
export interface CallSpec {
  method: HttpMethod;
  /** Route template, e.g. `/v1/agl/rollouts/{rollout_id}`; used in errors. */
  route: string;
  /** Whether repeating the call cannot do harm; only such calls are retried after they were sent. */
  retrySafe: boolean;
  /** Overrides the transport's per-try timeout (e.g. long waits on the server). */
  timeoutMs?: number;
}

export interface RawRequest extends CallSpec {
  /** Path relative to the store's base URL, with the query string. */
  path: string;
  body?: Uint8Array | string;
  contentType?: string;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

const EMPTY = new Uint8Array(0);
const USER_AGENT = 'agl-ts-client';

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * HTTP to one AGL store: a keep-alive pool, a per-try timeout, retries for what is retryable,
 * a health probe before each retry, and AglError for every failure.
 */
export class HttpTransport {
  readonly baseUrl: string;
  readonly dialect: Dialect | null;
  readonly options: ResolvedTransportOptions;
  readonly #origin: string;
  readonly #basePath: string;
  readonly #healthPath: string | null;
  #pool: Dispatcher;
  #closed = false;

  /** `healthPath` is probed before retries; null (dialect unknown yet) skips the probe. */
  constructor(
    baseUrl: string,
    dialect: Dialect | null,
    healthPath: string | null,
    options: TransportOptions = {},
  ) {
    const url = parseBaseUrl(baseUrl);
    this.#origin = url.origin;
    this.#basePath = url.pathname.replace(/\/+$/, '');
    this.baseUrl = `${this.#origin}${this.#basePath}`;
    this.dialect = dialect;
    this.#healthPath = healthPath;
    this.options = resolveTransportOptions(options);
    this.#pool = this.#createPool();
  }

  #createPool(): Dispatcher {
    if (this.options.dispatcher) return this.options.dispatcher;
    return new Pool(this.#origin, {
      connections: this.options.connections,
      keepAliveTimeout: this.options.keepAliveTimeoutMs,
      connectTimeout: this.options.connectTimeoutMs,
    });
  }

  /**
   * 0.2 closes the connection after a 400 without saying so; the next request on that socket
   * would fail. Move new requests to a fresh pool and let the old one drain.
   */
  #replacePool(): void {
    if (this.options.dispatcher || this.#closed) return;
    const old = this.#pool;
    this.#pool = this.#createPool();
    old.close().catch(() => {});
  }

  /** One try, no retry: a response of any status, or a network failure. */
  async #tryOnce(request: RawRequest, timeoutMs: number): Promise<RawResponse | NetworkFailure> {
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      ...this.options.headers,
    };
    if (request.body !== undefined)
      headers['content-type'] = request.contentType ?? 'application/json';
    try {
      const response = await this.#pool.request({
        origin: this.#origin,
        path: `${this.#basePath}${request.path}`,
        method: request.method,
        headers,
        body: request.body ?? null,
        signal: AbortSignal.timeout(timeoutMs),
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const body = new Uint8Array(await response.body.arrayBuffer());
      return {
        status: response.statusCode,
        headers: toHeaders(response.headers),
        body: body.length > 0 ? body : EMPTY,
      };
    } catch (error) {
      return classifyNetworkError(error);
    }
  }

  #networkError(request: RawRequest, failure: NetworkFailure, timeoutMs: number): AglError {
    const where = `${request.method} ${request.path}`;
    const label = this.dialect ? `AGL ${this.dialect} store` : 'AGL store';
    if (failure.type === 'timeout') {
      return new AglError({
        kind: 'timeout',
        message: `${label} at ${this.baseUrl}: ${where} got no complete answer within ${timeoutMs} ms`,
        method: request.method,
        route: request.route,
        dialect: this.dialect,
        retryable: true,
      });
    }
    const reason =
      failure.code === 'ECONNREFUSED'
        ? 'nothing is listening there; is `agl store` running?'
        : failure.phase === 'connect'
          ? `could not connect (${failure.code})`
          : `the connection broke (${failure.code}: ${failure.message})`;
    return new AglError({
      kind: 'unavailable',
      message: `${label} at ${this.baseUrl}: ${where} failed: ${reason}`,
      method: request.method,
      route: request.route,
      dialect: this.dialect,
      retryable: true,
    });
  }

  /** Sends with retries; resolves with a 2xx response, otherwise throws AglError. */
  async send(request: RawRequest): Promise<RawResponse> {
    if (this.#closed) {
      throw new AglError({
        kind: 'invalid_request',
        message: `the client for ${this.baseUrl} was closed; create a new one with connect()`,
        method: request.method,
        route: request.route,
        dialect: this.dialect,
      });
    }
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    const started = Date.now();
    for (let retries = 0; ; retries++) {
      const result = await this.#tryOnce(request, timeoutMs);
      let error: AglError;
      let outcome: TryOutcome;
      if ('status' in result) {
        if (result.status >= 200 && result.status < 300) return result;
        if (this.dialect === '0.2' && result.status === 400) this.#replacePool();
        error = errorFromResponse({
          dialect: this.dialect,
          method: request.method,
          route: request.route,
          path: request.path,
          status: result.status,
          contentType: result.headers.get('content-type'),
          body: result.body,
        });
        outcome = {
          type: 'status',
          status: result.status,
          retryAfter: result.headers.get('retry-after'),
          notFound: error.kind === 'not_found',
        };
      } else {
        error = this.#networkError(request, result, timeoutMs);
        outcome = result.type === 'timeout' ? { type: 'timeout' } : result;
      }
      const decision = decideRetry(outcome, {
        retriesSoFar: retries,
        elapsedMs: Date.now() - started,
        retrySafe: request.retrySafe,
        policy: this.options.retry,
        nowMs: Date.now(),
        random: this.options.random,
      });
      if (!decision.retry) {
        if (decision.reason !== 'not retryable') error.message += ` (${decision.reason})`;
        throw error;
      }
      await sleep(decision.delayMs);
      const explicitBackOff =
        outcome.type === 'status' && (outcome.status === 429 || outcome.status === 408);
      if (!explicitBackOff && !(await this.#healthy())) {
        throw new AglError({
          kind: 'unavailable',
          message: `${error.message} (no retry: the store did not answer its health check)`,
          status: error.status,
          method: error.method,
          route: error.route,
          dialect: error.dialect,
          serverMessage: error.serverMessage,
          errorType: error.errorType,
          retryable: true,
          cause: error,
        });
      }
    }
  }

  /** Probes the health route (as AGL's own client does before retrying); true if it answers ok. */
  async #healthy(): Promise<boolean> {
    const probe = this.options.healthProbe;
    if (probe === false || this.#healthPath === null) return true;
    const waits = [0, ...probe.delaysMs];
    for (const wait of waits) {
      if (wait > 0) await sleep(wait);
      const answer = await this.probe(this.#healthPath, probe.timeoutMs);
      if ('status' in answer && answer.status === 200 && isHealthyBody(answer)) return true;
    }
    return false;
  }

  /** One GET without retries or error mapping, for health checks and dialect detection. */
  probe(path: string, timeoutMs: number): Promise<RawResponse | NetworkFailure> {
    return this.#tryOnce({ method: 'GET', route: path, path, retrySafe: true }, timeoutMs);
  }

  /**
   * A `fetch` for openapi-fetch that sends through this transport. Without a spec, the route is
   * the request path and only GETs count as retry-safe.
   */
  fetchFor(spec?: CallSpec): (request: Request) => Promise<Response> {
    return async (request: Request) => {
      const url = new URL(request.url);
      const path = `${url.pathname.slice(this.#basePath.length)}${url.search}`;
      const text = request.body === null ? undefined : await request.text();
      const method = request.method.toUpperCase() as HttpMethod;
      const call = spec ?? { method, route: url.pathname, retrySafe: method === 'GET' };
      const raw = await this.send({
        ...call,
        path,
        ...(text === undefined ? {} : { body: text }),
        ...(text === undefined
          ? {}
          : { contentType: request.headers.get('content-type') ?? 'application/json' }),
      });
      const noBody = raw.status === 204 || raw.status === 205 || raw.body.length === 0;
      return new Response(noBody ? null : raw.body, { status: raw.status, headers: raw.headers });
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!this.options.dispatcher) await this.#pool.close();
  }
}

export function isHealthyBody(response: RawResponse): boolean {
  if (!response.headers.get('content-type')?.includes('json')) return false;
  try {
    const body = JSON.parse(new TextDecoder().decode(response.body)) as { status?: unknown };
    return body?.status === 'ok';
  } catch {
    return false;
  }
}

export function parseBaseUrl(baseUrl: string): URL {
  const parsed = parseStoreBaseUrl(baseUrl);
  if (!parsed.ok) throw new TypeError(parsed.problem);
  return new URL(parsed.baseUrl);
}
