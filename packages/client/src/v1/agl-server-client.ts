import { AglError } from '../errors.ts';
import type { components } from '../generated/agl-1.0.ts';
import { server1Error } from './server-1-errors.ts';

type Schemas = components['schemas'];
export type Rollout1 = Schemas['Rollout'];
export type RolloutCreate1 = Schemas['RolloutCreate'];
export type RolloutDetail1 = Schemas['RolloutDetail'];
export type RolloutState1 = Schemas['RolloutState'];
export type Event1 = Schemas['Event'];
export type Model1 = Schemas['Model'];
export type TerminalRolloutsPage1 = Schemas['TerminalRolloutsPage'];
export type GatewayMode = 'train' | 'val';

export interface AglServerClientOptions {
  /** The server key (`AGL_KEY`), sent as a bearer token. */
  key?: string;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
}

/** The attempt id AGL 1.0 reads events of when a rollout names none. */
export const DEFAULT_ATTEMPT_ID = '0';

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  path: string;
  body?: unknown;
}

/**
 * A client for AGL 1.x's `agl-server`: rollouts, claims, events and models.
 *
 *   const agl = new AglServerClient('http://127.0.0.1:8080', { key: process.env.AGL_KEY });
 *   const [queued] = await agl.listRollouts(['queuing']);
 *   if (queued && (await agl.claimRollout(queued.rollout_id, '0'))) { … }
 */
export class AglServerClient {
  readonly baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;

  constructor(url: string, options: AglServerClientOptions = {}) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TypeError(
        `AGL server URL must be an absolute http(s) URL, got ${JSON.stringify(url)}`,
      );
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new TypeError(`AGL server URL must use http or https, got ${JSON.stringify(url)}`);
    }
    this.baseUrl = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
    this.#headers = {
      accept: 'application/json',
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
    };
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The OpenAI base URL of the gateway for one attempt: give it to the agent's model client. */
  gatewayBaseUrl(rolloutId: string, attemptId: string, mode: GatewayMode = 'train'): string {
    const id = encodeURIComponent(rolloutId);
    return `${this.baseUrl}/proxy/rollout/${id}/attempt/${encodeURIComponent(attemptId)}/mode/${mode}/openai/v1`;
  }

  async health(): Promise<boolean> {
    const answer = await this.#send<{ status?: string }>({
      method: 'GET',
      route: '/healthz',
      path: '/healthz',
    });
    return answer.status === 'ok';
  }

  createRollouts(rollouts: RolloutCreate1[]): Promise<Rollout1[]> {
    return this.#send({
      method: 'POST',
      route: '/api/rollouts',
      path: '/api/rollouts',
      body: rollouts,
    });
  }

  listRollouts(states: RolloutState1[], limit = 500): Promise<Rollout1[]> {
    const query = new URLSearchParams();
    for (const state of states) query.append('state_in', state);
    query.set('limit', String(limit));
    return this.#send({ method: 'GET', route: '/api/rollouts', path: `/api/rollouts?${query}` });
  }

  listTerminalRollouts(after = 0, limit = 1000): Promise<TerminalRolloutsPage1> {
    return this.#send({
      method: 'GET',
      route: '/api/rollouts/terminal',
      path: `/api/rollouts/terminal?after=${after}&limit=${limit}`,
    });
  }

  /** The rollout and its attempt ids, or null when there is no such rollout. */
  async getRollout(rolloutId: string): Promise<RolloutDetail1 | null> {
    try {
      return await this.#send({
        method: 'GET',
        route: ROLLOUT_ROUTE,
        path: rolloutPath(rolloutId),
      });
    } catch (error) {
      if (error instanceof AglError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  /**
   * Claims a queued rollout for `attemptId` (queuing → running). Resolves to the running rollout,
   * or null when someone else has it (409: it is no longer queued).
   */
  async claimRollout(rolloutId: string, attemptId: string): Promise<Rollout1 | null> {
    try {
      return await this.#patchStatus(rolloutId, { state: 'running', last_attempt_id: attemptId });
    } catch (error) {
      if (error instanceof AglError && error.status === 409) return null;
      throw error;
    }
  }

  /** Sets a final state. A 409 (already final, or never claimed) throws. */
  finishRollout(
    rolloutId: string,
    state: 'succeeded' | 'failed',
    errorMessage?: string,
  ): Promise<Rollout1> {
    return this.#patchStatus(rolloutId, {
      state,
      ...(errorMessage === undefined ? {} : { error_message: errorMessage }),
    });
  }

  deleteRollout(rolloutId: string): Promise<void> {
    return this.#send({ method: 'DELETE', route: ROLLOUT_ROUTE, path: rolloutPath(rolloutId) });
  }

  postEvent(
    rolloutId: string,
    attemptId: string,
    eventType: string,
    data: Record<string, unknown> = {},
  ): Promise<Event1> {
    return this.#send({
      method: 'POST',
      route: '/api/rollouts/{rollout_id}/attempt/{attempt_id}/events',
      path: `${rolloutPath(rolloutId)}/attempt/${encodeURIComponent(attemptId)}/events`,
      body: { event_type: eventType, data },
    });
  }

  /** Posts the `reward` event AGL's trainers read (`value` must be a finite number). */
  postReward(
    rolloutId: string,
    attemptId: string,
    value: number,
    details: { message?: string; source?: string; reason?: string } = {},
  ): Promise<Event1> {
    if (!Number.isFinite(value)) {
      throw new AglError({
        kind: 'invalid_request',
        message: `reward must be a finite number, got ${value}; nothing was sent`,
        method: 'POST',
        route: '/api/rollouts/{rollout_id}/attempt/{attempt_id}/events',
        dialect: '1.0',
      });
    }
    return this.postEvent(rolloutId, attemptId, 'reward', { value, ...details });
  }

  /** Events of the rollout's current attempt; `format: 'triplet'` gives token ids and reward values. */
  listEvents(
    rolloutId: string,
    options: { eventType?: string; format?: 'triplet' } = {},
  ): Promise<Event1[]> {
    const query = new URLSearchParams();
    if (options.eventType) query.set('event_type', options.eventType);
    if (options.format) query.set('format', options.format);
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.#send({
      method: 'GET',
      route: '/api/rollouts/{rollout_id}/events',
      path: `${rolloutPath(rolloutId)}/events${suffix}`,
    });
  }

  /** Registers model servers the gateway forwards to (`endpoint` ends with the OpenAI `/v1`). */
  registerModels(models: Model1[]): Promise<Model1[]> {
    return this.#send({ method: 'POST', route: '/api/models', path: '/api/models', body: models });
  }

  async deleteModels(): Promise<void> {
    await this.#send({ method: 'DELETE', route: '/api/models', path: '/api/models' });
  }

  #patchStatus(rolloutId: string, status: Schemas['RolloutStatusPatch']): Promise<Rollout1> {
    return this.#send({
      method: 'PATCH',
      route: ROLLOUT_ROUTE,
      path: rolloutPath(rolloutId),
      body: { status },
    });
  }

  async #send<T>(call: Call): Promise<T> {
    const headers: Record<string, string> = { ...this.#headers };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${call.path}`, {
        method: call.method,
        headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new AglError({
        kind: timedOut ? 'timeout' : 'unavailable',
        message: timedOut
          ? `${call.method} ${call.route}: no answer from the AGL server at ${this.baseUrl} within ${this.#timeoutMs} ms`
          : `${call.method} ${call.route}: no AGL server answers at ${this.baseUrl} (${(error as Error).message}). Is agl-server running there?`,
        method: call.method,
        route: call.route,
        dialect: '1.0',
        retryable: true,
        cause: error,
      });
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text for the error
    }
    if (!response.ok) {
      throw server1Error({ method: call.method, route: call.route, status: response.status, body });
    }
    return body as T;
  }
}

const ROLLOUT_ROUTE = '/api/rollouts/{rollout_id}';

function rolloutPath(rolloutId: string): string {
  return `/api/rollouts/${encodeURIComponent(rolloutId)}`;
}
