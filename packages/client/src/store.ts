import type {
  Attempt,
  AttemptedRollout,
  AttemptPatch,
  NamedResources,
  Page,
  ResourcesUpdate,
  Rollout,
  RolloutPatch,
  RolloutRequest,
  RolloutStatus,
  Span,
  Worker,
} from './model.ts';

/** The two HTTP dialects of `agl store`: 0.2.x RPC routes, 0.3.x REST under /v1/agl (+ OTLP). */
export type Dialect = '0.2' | '0.3';

export interface StoreCapabilities {
  /** `POST /v1/traces` (OTLP protobuf) ingestion. */
  otlpTraces: boolean;
  /** Server-side filtering, sorting and paging of queries. */
  serverPaging: boolean;
  /** Worker registry and heartbeats. */
  workers: boolean;
  /** Server-side statistics route. */
  statistics: boolean;
}

export interface RolloutQuery {
  status?: RolloutStatus[];
  rolloutIds?: string[];
  /** Substring match on the rollout id. */
  rolloutIdContains?: string;
  /** -1 or omitted: no limit. */
  limit?: number;
  offset?: number;
  sortBy?: 'start_time' | 'end_time' | 'rollout_id' | 'status';
  sortOrder?: 'asc' | 'desc';
}

export interface SpanQuery {
  /** An attempt id, or `latest`. */
  attemptId?: string;
}

export interface StoreStatistics {
  totalRollouts: number;
  /** Null when the dialect cannot count it cheaply. */
  totalAttempts: number | null;
  totalSpans: number | null;
  totalResources: number | null;
  totalWorkers: number | null;
  uptimeSeconds: number | null;
  rolloutsByStatus: Record<RolloutStatus, number>;
}

export interface HealthResult {
  dialect: Dialect;
  latencyMs: number;
}

/**
 * Every operation this repository needs from an AGL store, with the same types for both
 * dialects. Errors are thrown as `AglError`.
 */
export interface AglStore {
  readonly dialect: Dialect;
  readonly baseUrl: string;
  readonly capabilities: StoreCapabilities;

  health(): Promise<HealthResult>;

  startRollout(request: RolloutRequest): Promise<AttemptedRollout>;
  enqueueRollouts(requests: RolloutRequest[]): Promise<Rollout[]>;
  dequeueRollout(options?: { workerId?: string }): Promise<AttemptedRollout | null>;
  startAttempt(rolloutId: string, options?: { workerId?: string }): Promise<AttemptedRollout>;

  getRollout(rolloutId: string): Promise<Rollout | null>;
  queryRollouts(query?: RolloutQuery): Promise<Page<Rollout>>;
  updateRollout(rolloutId: string, patch: RolloutPatch): Promise<Rollout>;
  waitForRollouts(rolloutIds: string[], timeoutSeconds: number): Promise<Rollout[]>;

  queryAttempts(rolloutId: string): Promise<Attempt[]>;
  getLatestAttempt(rolloutId: string): Promise<Attempt | null>;
  /** `attemptId` may be `latest`. */
  updateAttempt(rolloutId: string, attemptId: string, patch: AttemptPatch): Promise<Attempt>;

  /** Next per-rollout span sequence id (AGL's counter ignores the attempt). */
  nextSequenceId(rolloutId: string, attemptId: string): Promise<number>;
  /** Returns the stored span, or null when 0.3 reports it as a duplicate. */
  addSpan(span: Span): Promise<Span | null>;
  /** Sends spans one request each, with bounded concurrency; per-span results in order. */
  addSpans(spans: Span[]): Promise<Array<Span | null>>;
  querySpans(rolloutId: string, query?: SpanQuery): Promise<Span[]>;
  /** 0.3 only (`capabilities.otlpTraces`): raw OTLP/protobuf ExportTraceServiceRequest bytes. */
  exportOtlpTraces(body: Uint8Array): Promise<void>;

  addResources(resources: NamedResources): Promise<ResourcesUpdate>;
  updateResources(resourcesId: string, resources: NamedResources): Promise<ResourcesUpdate>;
  getResources(resourcesId: string): Promise<ResourcesUpdate | null>;
  getLatestResources(): Promise<ResourcesUpdate | null>;

  /** 0.3 only (`capabilities.workers`). */
  updateWorker(workerId: string, heartbeatStats?: Record<string, unknown>): Promise<Worker>;

  statistics(): Promise<StoreStatistics>;

  /** Closes pooled connections. */
  close(): Promise<void>;
}
