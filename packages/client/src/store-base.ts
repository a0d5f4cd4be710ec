// What both dialects share: local validation before anything is sent, bounded span fan-out,
// health timing and the statistics shape. Subclasses only speak their dialect's HTTP.

import pMap from 'p-map';
import { AglError } from './errors.ts';
import {
  type Attempt,
  type AttemptedRollout,
  type AttemptPatch,
  type NamedResources,
  type Page,
  type ResourcesUpdate,
  ROLLOUT_STATUSES,
  type Rollout,
  type RolloutPatch,
  type RolloutRequest,
  type RolloutStatus,
  type Span,
  type Worker,
} from './model.ts';
import type {
  AglStore,
  Dialect,
  HealthResult,
  RolloutQuery,
  SpanQuery,
  StoreCapabilities,
  StoreStatistics,
} from './store.ts';
import { type CallSpec, type HttpTransport, isHealthyBody } from './transport/http-transport.ts';
import {
  type Problems,
  validateAttemptPatch,
  validateId,
  validateNamedResources,
  validateRolloutPatch,
  validateRolloutQuery,
  validateRolloutRequest,
  validateSpan,
  validateWaitTimeout,
} from './validate.ts';

export interface StoreOptions {
  /** Spans in flight at once in `addSpans`. */
  spanConcurrency?: number;
  /**
   * Check arguments locally before sending (default true). Turning it off only makes sense to
   * see the server's own answer to a bad request.
   */
  validateRequests?: boolean;
}

export const DEFAULT_SPAN_CONCURRENCY = 8;

export abstract class StoreBase implements AglStore {
  abstract readonly dialect: Dialect;
  abstract readonly capabilities: StoreCapabilities;
  protected abstract readonly healthPath: string;
  protected readonly transport: HttpTransport;
  readonly #spanConcurrency: number;
  readonly #validate: boolean;

  constructor(transport: HttpTransport, options: StoreOptions = {}) {
    this.transport = transport;
    const concurrency = options.spanConcurrency ?? DEFAULT_SPAN_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new TypeError(`spanConcurrency must be a whole number >= 1, got ${concurrency}`);
    }
    this.#spanConcurrency = concurrency;
    this.#validate = options.validateRequests ?? true;
  }

  /** The openapi-fetch options that send one call through the transport (retries, timeouts). */
  protected callSpec(
    method: CallSpec['method'],
    route: string,
    retrySafe: boolean,
    timeoutMs?: number,
  ) {
    return {
      fetch: this.transport.fetchFor({
        method,
        route,
        retrySafe,
        ...(timeoutMs === undefined ? {} : { timeoutMs }),
      }),
    };
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** Throws `invalid_request` naming every problem, before anything is sent. */
  protected check(operation: string, problems: Problems): void {
    if (problems.length === 0 || !this.#validate) return;
    this.reject(operation, problems);
  }

  /** Throws `invalid_request` whatever `validateRequests` says (the call cannot be made). */
  protected reject(operation: string, problems: Problems): never {
    throw new AglError({
      kind: 'invalid_request',
      message: `${operation}: ${problems.join('; ')}`,
      method: '-',
      route: operation,
      dialect: this.dialect,
    });
  }

  protected unsupported(operation: string, why: string): never {
    throw new AglError({
      kind: 'invalid_request',
      message: `${operation} is not available on AGL ${this.dialect} stores: ${why}`,
      method: '-',
      route: operation,
      dialect: this.dialect,
    });
  }

  async health(): Promise<HealthResult> {
    const started = performance.now();
    const answer = await this.transport.probe(this.healthPath, this.transport.options.timeoutMs);
    const latencyMs = performance.now() - started;
    const healthy = 'status' in answer && answer.status === 200 && isHealthyBody(answer);
    if (healthy) return { dialect: this.dialect, latencyMs };
    const detail =
      'status' in answer
        ? `answered ${answer.status} ${answer.headers.get('content-type') ?? ''}`.trim()
        : answer.type === 'timeout'
          ? 'did not answer in time'
          : answer.code === 'ECONNREFUSED'
            ? 'refused the connection; is `agl store` running?'
            : `could not be reached (${answer.code})`;
    throw new AglError({
      kind: 'status' in answer ? 'protocol' : answer.type === 'timeout' ? 'timeout' : 'unavailable',
      message: `AGL ${this.dialect} store at ${this.baseUrl}: GET ${this.healthPath} ${detail}`,
      status: 'status' in answer ? answer.status : null,
      method: 'GET',
      route: this.healthPath,
      dialect: this.dialect,
      retryable: !('status' in answer),
    });
  }

  async startRollout(request: RolloutRequest): Promise<AttemptedRollout> {
    this.check('startRollout', validateRolloutRequest(request));
    return this.doStartRollout(request);
  }

  async enqueueRollouts(requests: RolloutRequest[]): Promise<Rollout[]> {
    if (!Array.isArray(requests)) this.reject('enqueueRollouts', ['requests: must be an array']);
    this.check(
      'enqueueRollouts',
      requests.flatMap((request, index) => validateRolloutRequest(request, `requests[${index}]`)),
    );
    if (requests.length === 0) return [];
    return this.doEnqueueRollouts(requests);
  }

  async dequeueRollout(options: { workerId?: string } = {}): Promise<AttemptedRollout | null> {
    if (options.workerId !== undefined)
      this.check('dequeueRollout', validateId(options.workerId, 'workerId'));
    return this.doDequeueRollout(options.workerId);
  }

  async startAttempt(
    rolloutId: string,
    options: { workerId?: string } = {},
  ): Promise<AttemptedRollout> {
    this.check('startAttempt', [
      ...validateId(rolloutId, 'rolloutId'),
      ...(options.workerId === undefined ? [] : validateId(options.workerId, 'workerId')),
    ]);
    return this.doStartAttempt(rolloutId, options.workerId);
  }

  async getRollout(rolloutId: string): Promise<Rollout | null> {
    this.check('getRollout', validateId(rolloutId, 'rolloutId'));
    return this.doGetRollout(rolloutId);
  }

  async queryRollouts(query: RolloutQuery = {}): Promise<Page<Rollout>> {
    this.check('queryRollouts', validateRolloutQuery(query));
    const limit = query.limit ?? -1;
    const offset = query.offset ?? 0;
    // The same meaning in both dialects: an empty filter list matches nothing.
    if (query.status?.length === 0 || query.rolloutIds?.length === 0) {
      return { items: [], total: 0, limit, offset };
    }
    return this.doQueryRollouts(query);
  }

  async updateRollout(rolloutId: string, patch: RolloutPatch): Promise<Rollout> {
    this.check('updateRollout', [
      ...validateId(rolloutId, 'rolloutId'),
      ...validateRolloutPatch(patch),
    ]);
    return this.doUpdateRollout(rolloutId, patch);
  }

  async waitForRollouts(rolloutIds: string[], timeoutSeconds: number): Promise<Rollout[]> {
    if (!Array.isArray(rolloutIds))
      this.reject('waitForRollouts', ['rolloutIds: must be an array']);
    this.check('waitForRollouts', [
      ...rolloutIds.flatMap((id, index) => validateId(id, `rolloutIds[${index}]`)),
      ...validateWaitTimeout(timeoutSeconds),
    ]);
    if (rolloutIds.length === 0) return [];
    return this.doWaitForRollouts(rolloutIds, timeoutSeconds);
  }

  async queryAttempts(rolloutId: string): Promise<Attempt[]> {
    this.check('queryAttempts', validateId(rolloutId, 'rolloutId'));
    return this.doQueryAttempts(rolloutId);
  }

  async getLatestAttempt(rolloutId: string): Promise<Attempt | null> {
    this.check('getLatestAttempt', validateId(rolloutId, 'rolloutId'));
    return this.doGetLatestAttempt(rolloutId);
  }

  async updateAttempt(rolloutId: string, attemptId: string, patch: AttemptPatch): Promise<Attempt> {
    this.check('updateAttempt', [
      ...validateId(rolloutId, 'rolloutId'),
      ...validateId(attemptId, 'attemptId'),
      ...validateAttemptPatch(patch),
    ]);
    return this.doUpdateAttempt(rolloutId, attemptId, patch);
  }

  async nextSequenceId(rolloutId: string, attemptId: string): Promise<number> {
    this.check('nextSequenceId', [
      ...validateId(rolloutId, 'rolloutId'),
      ...validateId(attemptId, 'attemptId'),
    ]);
    return this.doNextSequenceId(rolloutId, attemptId);
  }

  async addSpan(span: Span): Promise<Span | null> {
    this.check('addSpan', validateSpan(span));
    return this.doAddSpan(span);
  }

  async addSpans(spans: Span[]): Promise<Array<Span | null>> {
    if (!Array.isArray(spans)) this.reject('addSpans', ['spans: must be an array']);
    this.check(
      'addSpans',
      spans.flatMap((span, index) =>
        validateSpan(span).map((problem) => problem.replace(/^span/, `spans[${index}]`)),
      ),
    );
    return pMap(spans, (span) => this.doAddSpan(span), { concurrency: this.#spanConcurrency });
  }

  async querySpans(rolloutId: string, query: SpanQuery = {}): Promise<Span[]> {
    this.check('querySpans', [
      ...validateId(rolloutId, 'rolloutId'),
      ...(query.attemptId === undefined ? [] : validateId(query.attemptId, 'query.attemptId')),
    ]);
    return this.doQuerySpans(rolloutId, query.attemptId);
  }

  async exportOtlpTraces(body: Uint8Array): Promise<void> {
    if (!(body instanceof Uint8Array)) {
      this.reject('exportOtlpTraces', [
        'body: must be the protobuf bytes of an ExportTraceServiceRequest',
      ]);
    }
    return this.doExportOtlpTraces(body);
  }

  async addResources(resources: NamedResources): Promise<ResourcesUpdate> {
    this.check('addResources', validateNamedResources(resources));
    return this.doAddResources(resources);
  }

  async updateResources(resourcesId: string, resources: NamedResources): Promise<ResourcesUpdate> {
    this.check('updateResources', [
      ...validateId(resourcesId, 'resourcesId'),
      ...validateNamedResources(resources),
    ]);
    return this.doUpdateResources(resourcesId, resources);
  }

  async getResources(resourcesId: string): Promise<ResourcesUpdate | null> {
    this.check('getResources', validateId(resourcesId, 'resourcesId'));
    return this.doGetResources(resourcesId);
  }

  async getLatestResources(): Promise<ResourcesUpdate | null> {
    return this.doGetLatestResources();
  }

  async updateWorker(workerId: string, heartbeatStats?: Record<string, unknown>): Promise<Worker> {
    this.check('updateWorker', [
      ...validateId(workerId, 'workerId'),
      ...(heartbeatStats === undefined ||
      (typeof heartbeatStats === 'object' &&
        heartbeatStats !== null &&
        !Array.isArray(heartbeatStats))
        ? []
        : ['heartbeatStats: must be an object']),
    ]);
    return this.doUpdateWorker(workerId, heartbeatStats);
  }

  abstract statistics(): Promise<StoreStatistics>;

  close(): Promise<void> {
    return this.transport.close();
  }

  protected abstract doStartRollout(request: RolloutRequest): Promise<AttemptedRollout>;
  protected abstract doEnqueueRollouts(requests: RolloutRequest[]): Promise<Rollout[]>;
  protected abstract doDequeueRollout(
    workerId: string | undefined,
  ): Promise<AttemptedRollout | null>;
  protected abstract doStartAttempt(
    rolloutId: string,
    workerId: string | undefined,
  ): Promise<AttemptedRollout>;
  protected abstract doGetRollout(rolloutId: string): Promise<Rollout | null>;
  protected abstract doQueryRollouts(query: RolloutQuery): Promise<Page<Rollout>>;
  protected abstract doUpdateRollout(rolloutId: string, patch: RolloutPatch): Promise<Rollout>;
  protected abstract doWaitForRollouts(
    rolloutIds: string[],
    timeoutSeconds: number,
  ): Promise<Rollout[]>;
  protected abstract doQueryAttempts(rolloutId: string): Promise<Attempt[]>;
  protected abstract doGetLatestAttempt(rolloutId: string): Promise<Attempt | null>;
  protected abstract doUpdateAttempt(
    rolloutId: string,
    attemptId: string,
    patch: AttemptPatch,
  ): Promise<Attempt>;
  protected abstract doNextSequenceId(rolloutId: string, attemptId: string): Promise<number>;
  protected abstract doAddSpan(span: Span): Promise<Span | null>;
  protected abstract doQuerySpans(
    rolloutId: string,
    attemptId: string | undefined,
  ): Promise<Span[]>;
  protected abstract doExportOtlpTraces(body: Uint8Array): Promise<void>;
  protected abstract doAddResources(resources: NamedResources): Promise<ResourcesUpdate>;
  protected abstract doUpdateResources(
    resourcesId: string,
    resources: NamedResources,
  ): Promise<ResourcesUpdate>;
  protected abstract doGetResources(resourcesId: string): Promise<ResourcesUpdate | null>;
  protected abstract doGetLatestResources(): Promise<ResourcesUpdate | null>;
  protected abstract doUpdateWorker(
    workerId: string,
    heartbeatStats: Record<string, unknown> | undefined,
  ): Promise<Worker>;
}

/** Zero for every rollout status, to fill in. */
export function emptyStatusCounts(): Record<RolloutStatus, number> {
  return Object.fromEntries(ROLLOUT_STATUSES.map((status) => [status, 0])) as Record<
    RolloutStatus,
    number
  >;
}

/** The sort 0.3 applies on the server (nulls first when ascending), for 0.2's client-side paging. */
export function compareBy<T>(key: keyof T, order: 'asc' | 'desc'): (a: T, b: T) => number {
  const direction = order === 'asc' ? 1 : -1;
  return (a, b) => {
    const left = a[key] as unknown;
    const right = b[key] as unknown;
    if (left === right) return 0;
    if (left === null || left === undefined) return -direction;
    if (right === null || right === undefined) return direction;
    return (left < right ? -1 : 1) * direction;
  };
}
