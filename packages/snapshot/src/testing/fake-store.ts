import {
  AglError,
  type AglErrorKind,
  type AglStore,
  type Attempt,
  type AttemptedRollout,
  type AttemptPatch,
  type Dialect,
  FINISHED_ROLLOUT_STATUSES,
  type HealthResult,
  type NamedResources,
  type Page,
  type ResourcesUpdate,
  ROLLOUT_STATUSES,
  type Rollout,
  type RolloutPatch,
  type RolloutQuery,
  type RolloutRequest,
  type RolloutStatus,
  type Span,
  type SpanQuery,
  type StoreCapabilities,
  type StoreStatistics,
  type Worker,
} from '@agl/client';

const FINISHED = new Set<RolloutStatus>(FINISHED_ROLLOUT_STATUSES);

export interface FakeAglStoreOptions {
  dialect?: Dialect;
  baseUrl?: string;
  /** Epoch seconds; defaults to the wall clock. */
  clock?: () => number;
}

/**
 * An in-memory `AglStore` for unit tests: the data model and status rules of a real store in a
 * simplified form, call counting, and a switch that makes every call fail as if the server were
 * down. Errors are the client's `AglError`. Integration tests use a real `agl store` instead.
 */
export class FakeAglStore implements AglStore {
  dialect: Dialect;
  readonly baseUrl: string;
  /** Set to true to make every call fail with an `unavailable` error. */
  down = false;
  /** How many times each method was called. */
  readonly calls = new Map<string, number>();
  readonly #clock: () => number;
  readonly #rollouts = new Map<string, Rollout>();
  readonly #attempts = new Map<string, Attempt[]>();
  readonly #spans = new Map<string, Span[]>();
  readonly #sequence = new Map<string, number>();
  readonly #resources = new Map<string, ResourcesUpdate>();
  readonly #workers = new Map<string, Worker>();
  #latestResources: string | null = null;
  #ids = 0;
  #lastTime = 0;

  constructor(options: FakeAglStoreOptions = {}) {
    this.dialect = options.dialect ?? '0.3';
    this.baseUrl = options.baseUrl ?? 'http://127.0.0.1:4747';
    this.#clock = options.clock ?? (() => Date.now() / 1000);
  }

  get capabilities(): StoreCapabilities {
    const v3 = this.dialect === '0.3';
    return { otlpTraces: v3, serverPaging: v3, workers: v3, statistics: v3 };
  }

  /** Number of calls to one method. */
  count(method: string): number {
    return this.calls.get(method) ?? 0;
  }

  resetCounts(): void {
    this.calls.clear();
  }

  async health(): Promise<HealthResult> {
    this.#enter('health');
    return { dialect: this.dialect, latencyMs: 1 };
  }

  async startRollout(request: RolloutRequest): Promise<AttemptedRollout> {
    this.#enter('startRollout');
    const rollout = this.#create(request, 'preparing');
    const attempt = this.#newAttempt(rollout, request.worker_id ?? null);
    return { ...structuredClone(rollout), attempt: structuredClone(attempt) };
  }

  async enqueueRollouts(requests: RolloutRequest[]): Promise<Rollout[]> {
    this.#enter('enqueueRollouts');
    return requests.map((request) => structuredClone(this.#create(request, 'queuing')));
  }

  async dequeueRollout(options: { workerId?: string } = {}): Promise<AttemptedRollout | null> {
    this.#enter('dequeueRollout');
    const next = [...this.#rollouts.values()].find(
      (rollout) => rollout.status === 'queuing' || rollout.status === 'requeuing',
    );
    if (!next) return null;
    next.status = 'preparing';
    const attempt = this.#newAttempt(next, options.workerId ?? null);
    return { ...structuredClone(next), attempt: structuredClone(attempt) };
  }

  async startAttempt(
    rolloutId: string,
    options: { workerId?: string } = {},
  ): Promise<AttemptedRollout> {
    this.#enter('startAttempt');
    const rollout = this.#require(rolloutId, 'startAttempt');
    rollout.status = 'preparing';
    rollout.end_time = null;
    const attempt = this.#newAttempt(rollout, options.workerId ?? null);
    return { ...structuredClone(rollout), attempt: structuredClone(attempt) };
  }

  async getRollout(rolloutId: string): Promise<Rollout | null> {
    this.#enter('getRollout');
    const rollout = this.#rollouts.get(rolloutId);
    return rollout ? this.#view(rollout) : null;
  }

  async queryRollouts(query: RolloutQuery = {}): Promise<Page<Rollout>> {
    this.#enter('queryRollouts');
    let items = [...this.#rollouts.values()];
    if (query.status) items = items.filter((rollout) => query.status?.includes(rollout.status));
    if (query.rolloutIds)
      items = items.filter((rollout) => query.rolloutIds?.includes(rollout.rollout_id));
    if (query.rolloutIdContains) {
      const part = query.rolloutIdContains;
      items = items.filter((rollout) => rollout.rollout_id.includes(part));
    }
    if (query.sortBy) {
      const key = query.sortBy;
      const direction = query.sortOrder === 'desc' ? -1 : 1;
      items.sort((a, b) => direction * compareValues(a[key], b[key]));
    }
    const offset = query.offset ?? 0;
    const limit = query.limit ?? -1;
    const total = items.length;
    const paged = items.slice(offset, limit === -1 ? undefined : offset + limit);
    return { items: paged.map((rollout) => this.#view(rollout)), total, limit, offset };
  }

  async updateRollout(rolloutId: string, patch: RolloutPatch): Promise<Rollout> {
    this.#enter('updateRollout');
    const rollout = this.#require(rolloutId, 'updateRollout');
    const { config, ...rest } = patch;
    Object.assign(rollout, structuredClone(rest));
    if (config) rollout.config = { ...rollout.config, ...config };
    if (patch.status !== undefined && FINISHED.has(patch.status)) rollout.end_time = this.#now();
    return structuredClone(rollout);
  }

  async waitForRollouts(rolloutIds: string[]): Promise<Rollout[]> {
    this.#enter('waitForRollouts');
    return rolloutIds
      .map((id) => this.#rollouts.get(id))
      .filter(
        (rollout): rollout is Rollout => rollout !== undefined && FINISHED.has(rollout.status),
      )
      .map((rollout) => structuredClone(rollout));
  }

  async queryAttempts(rolloutId: string): Promise<Attempt[]> {
    this.#enter('queryAttempts');
    return structuredClone(this.#attempts.get(rolloutId) ?? []);
  }

  async getLatestAttempt(rolloutId: string): Promise<Attempt | null> {
    this.#enter('getLatestAttempt');
    const latest = this.#attempts.get(rolloutId)?.at(-1);
    return latest ? structuredClone(latest) : null;
  }

  async updateAttempt(rolloutId: string, attemptId: string, patch: AttemptPatch): Promise<Attempt> {
    this.#enter('updateAttempt');
    const rollout = this.#require(rolloutId, 'updateAttempt');
    const attempts = this.#attempts.get(rolloutId) ?? [];
    const attempt =
      attemptId === 'latest' ? attempts.at(-1) : attempts.find((a) => a.attempt_id === attemptId);
    if (!attempt)
      throw this.#error('application', `Attempt ${attemptId} not found`, 'updateAttempt');
    Object.assign(attempt, structuredClone(patch));
    if (patch.status === 'succeeded' || patch.status === 'failed') attempt.end_time = this.#now();
    if (attempt === attempts.at(-1) && patch.status !== undefined) {
      if (patch.status === 'succeeded' || patch.status === 'failed') {
        rollout.status = patch.status;
        rollout.end_time = attempt.end_time;
      } else if (patch.status === 'preparing' || patch.status === 'running') {
        rollout.status = patch.status;
      } else {
        rollout.status = 'failed';
        rollout.end_time = this.#now();
      }
    }
    return structuredClone(attempt);
  }

  async nextSequenceId(rolloutId: string): Promise<number> {
    this.#enter('nextSequenceId');
    const next = (this.#sequence.get(rolloutId) ?? 0) + 1;
    this.#sequence.set(rolloutId, next);
    return next;
  }

  async addSpan(span: Span): Promise<Span | null> {
    this.#enter('addSpan');
    return this.#addSpan(span);
  }

  async addSpans(spans: Span[]): Promise<Array<Span | null>> {
    this.#enter('addSpans');
    return spans.map((span) => this.#addSpan(span));
  }

  async querySpans(rolloutId: string, query: SpanQuery = {}): Promise<Span[]> {
    this.#enter('querySpans');
    let spans = this.#spans.get(rolloutId) ?? [];
    const attemptId =
      query.attemptId === 'latest'
        ? this.#attempts.get(rolloutId)?.at(-1)?.attempt_id
        : query.attemptId;
    if (query.attemptId !== undefined)
      spans = spans.filter((span) => span.attempt_id === attemptId);
    if (this.dialect === '0.3') spans = [...spans].sort((a, b) => a.sequence_id - b.sequence_id);
    return structuredClone(spans);
  }

  async exportOtlpTraces(): Promise<void> {
    this.#enter('exportOtlpTraces');
    throw this.#error('protocol', 'The fake store does not decode OTLP', 'exportOtlpTraces');
  }

  async addResources(resources: NamedResources): Promise<ResourcesUpdate> {
    this.#enter('addResources');
    return this.#putResources(`rs-${this.#nextId(12)}`, resources);
  }

  async updateResources(resourcesId: string, resources: NamedResources): Promise<ResourcesUpdate> {
    this.#enter('updateResources');
    return this.#putResources(resourcesId, resources);
  }

  async getResources(resourcesId: string): Promise<ResourcesUpdate | null> {
    this.#enter('getResources');
    const update = this.#resources.get(resourcesId);
    return update ? structuredClone(update) : null;
  }

  async getLatestResources(): Promise<ResourcesUpdate | null> {
    this.#enter('getLatestResources');
    const update = this.#latestResources ? this.#resources.get(this.#latestResources) : undefined;
    return update ? structuredClone(update) : null;
  }

  async updateWorker(workerId: string, heartbeatStats?: Record<string, unknown>): Promise<Worker> {
    this.#enter('updateWorker');
    if (this.dialect !== '0.3') {
      throw this.#error('protocol', 'Workers need AGL 0.3', 'updateWorker');
    }
    const worker: Worker = this.#workers.get(workerId) ?? {
      worker_id: workerId,
      status: 'unknown',
      heartbeat_stats: null,
      last_heartbeat_time: null,
      last_dequeue_time: null,
      last_busy_time: null,
      last_idle_time: null,
      current_rollout_id: null,
      current_attempt_id: null,
    };
    worker.last_heartbeat_time = this.#now();
    if (heartbeatStats) worker.heartbeat_stats = structuredClone(heartbeatStats);
    this.#workers.set(workerId, worker);
    return structuredClone(worker);
  }

  async statistics(): Promise<StoreStatistics> {
    this.#enter('statistics');
    const rolloutsByStatus = Object.fromEntries(
      ROLLOUT_STATUSES.map((status) => [status, 0]),
    ) as Record<RolloutStatus, number>;
    for (const rollout of this.#rollouts.values()) rolloutsByStatus[rollout.status] += 1;
    const v3 = this.dialect === '0.3';
    let spans = 0;
    for (const list of this.#spans.values()) spans += list.length;
    let attempts = 0;
    for (const list of this.#attempts.values()) attempts += list.length;
    return {
      totalRollouts: this.#rollouts.size,
      totalAttempts: v3 ? attempts : null,
      totalSpans: v3 ? spans : null,
      totalResources: v3 ? this.#resources.size : null,
      totalWorkers: v3 ? this.#workers.size : null,
      uptimeSeconds: null,
      rolloutsByStatus,
    };
  }

  async close(): Promise<void> {
    this.#enter('close');
  }

  #enter(method: string): void {
    this.calls.set(method, this.count(method) + 1);
    if (this.down) {
      throw this.#error('unavailable', `connect ECONNREFUSED ${this.baseUrl}`, method);
    }
  }

  #error(kind: AglErrorKind, message: string, route: string): AglError {
    return new AglError({ kind, message, method: 'fake', route, dialect: this.dialect });
  }

  /** Strictly increasing epoch seconds, so ordering by time is stable in tests. */
  #now(): number {
    const now = Math.max(this.#clock(), this.#lastTime + 0.001);
    this.#lastTime = now;
    return now;
  }

  #nextId(length: number): string {
    this.#ids += 1;
    return this.#ids.toString(16).padStart(length, '0');
  }

  #create(request: RolloutRequest, status: RolloutStatus): Rollout {
    const rollout: Rollout = {
      rollout_id: `ro-${this.#nextId(12)}`,
      input: structuredClone(request.input),
      start_time: this.#now(),
      end_time: null,
      mode: request.mode ?? null,
      resources_id: request.resources_id ?? this.#latestResources,
      status,
      config: {
        timeout_seconds: null,
        unresponsive_seconds: null,
        max_attempts: 1,
        retry_condition: [],
        ...(request.config ?? {}),
      },
      metadata: structuredClone(request.metadata ?? {}),
    };
    this.#rollouts.set(rollout.rollout_id, rollout);
    return rollout;
  }

  #newAttempt(rollout: Rollout, workerId: string | null): Attempt {
    const attempts = this.#attempts.get(rollout.rollout_id) ?? [];
    const attempt: Attempt = {
      rollout_id: rollout.rollout_id,
      attempt_id: `at-${this.#nextId(8)}`,
      sequence_id: attempts.length + 1,
      start_time: this.#now(),
      end_time: null,
      status: 'preparing',
      worker_id: workerId,
      last_heartbeat_time: null,
      metadata: {},
    };
    attempts.push(attempt);
    this.#attempts.set(rollout.rollout_id, attempts);
    return attempt;
  }

  #require(rolloutId: string, route: string): Rollout {
    const rollout = this.#rollouts.get(rolloutId);
    if (!rollout) throw this.#error('application', `Rollout ${rolloutId} not found`, route);
    return rollout;
  }

  #view(rollout: Rollout): Rollout {
    const copy = structuredClone(rollout);
    const latest = this.#attempts.get(rollout.rollout_id)?.at(-1);
    if (this.dialect === '0.3' && latest) copy.attempt = structuredClone(latest);
    return copy;
  }

  #addSpan(span: Span): Span | null {
    const rollout = this.#require(span.rollout_id, 'addSpan');
    const attempts = this.#attempts.get(span.rollout_id) ?? [];
    const attempt = attempts.find((a) => a.attempt_id === span.attempt_id);
    if (!attempt) {
      throw this.#error('application', `Attempt ${span.attempt_id} not found`, 'addSpan');
    }
    const spans = this.#spans.get(span.rollout_id) ?? [];
    const duplicate = spans.some(
      (stored) => stored.attempt_id === span.attempt_id && stored.span_id === span.span_id,
    );
    if (duplicate && this.dialect === '0.3') return null;
    spans.push(structuredClone(span));
    this.#spans.set(span.rollout_id, spans);
    this.#sequence.set(
      span.rollout_id,
      Math.max(this.#sequence.get(span.rollout_id) ?? 0, span.sequence_id),
    );
    attempt.last_heartbeat_time = this.#now();
    if (attempt.status === 'preparing') attempt.status = 'running';
    if (
      attempt === attempts.at(-1) &&
      (rollout.status === 'preparing' || rollout.status === 'requeuing')
    ) {
      rollout.status = 'running';
    }
    return structuredClone(span);
  }

  #putResources(resourcesId: string, resources: NamedResources): ResourcesUpdate {
    const previous = this.#resources.get(resourcesId);
    const now = this.#now();
    const update: ResourcesUpdate = {
      resources_id: resourcesId,
      resources: structuredClone(resources),
      ...(this.dialect === '0.3'
        ? {
            create_time: previous?.create_time ?? now,
            update_time: now,
            version: (previous?.version ?? 0) + 1,
          }
        : {}),
    };
    this.#resources.set(resourcesId, update);
    this.#latestResources = resourcesId;
    return structuredClone(update);
  }
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return (a as number | string) < (b as number | string) ? -1 : 1;
}
