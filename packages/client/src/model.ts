// Agent Lightning's store model, the same whichever server dialect is behind the client.
// Field names are AGL's own (snake_case), so values pass to and from the server unchanged.

export const ROLLOUT_STATUSES = [
  'queuing',
  'preparing',
  'running',
  'failed',
  'succeeded',
  'cancelled',
  'requeuing',
] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

export const FINISHED_ROLLOUT_STATUSES = [
  'failed',
  'succeeded',
  'cancelled',
] as const satisfies readonly RolloutStatus[];

export const ATTEMPT_STATUSES = [
  'preparing',
  'running',
  'failed',
  'succeeded',
  'unresponsive',
  'timeout',
] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const ROLLOUT_MODES = ['train', 'val', 'test'] as const;
export type RolloutMode = (typeof ROLLOUT_MODES)[number];

export const SPAN_STATUS_CODES = ['UNSET', 'OK', 'ERROR'] as const;
export type SpanStatusCode = (typeof SPAN_STATUS_CODES)[number];

/** A flat attribute value AGL accepts: a primitive or a homogeneous array of primitives. */
export type AttributeValue = string | number | boolean | string[] | number[] | boolean[];
export type Attributes = Record<string, AttributeValue>;

export interface RolloutConfig {
  timeout_seconds: number | null;
  unresponsive_seconds: number | null;
  max_attempts: number;
  retry_condition: AttemptStatus[];
}

export interface Attempt {
  rollout_id: string;
  attempt_id: string;
  sequence_id: number;
  start_time: number;
  end_time: number | null;
  status: AttemptStatus;
  worker_id: string | null;
  last_heartbeat_time: number | null;
  metadata: Record<string, unknown> | null;
}

export interface Rollout {
  rollout_id: string;
  input: unknown;
  start_time: number;
  end_time: number | null;
  mode: RolloutMode | null;
  resources_id: string | null;
  status: RolloutStatus;
  config: RolloutConfig;
  metadata: Record<string, unknown> | null;
  /** The latest attempt, when the server returned one with the rollout. */
  attempt?: Attempt;
}

export interface AttemptedRollout extends Rollout {
  attempt: Attempt;
}

export interface RolloutRequest {
  input: unknown;
  mode?: RolloutMode | null;
  resources_id?: string | null;
  config?: Partial<RolloutConfig> | null;
  metadata?: Record<string, unknown> | null;
  /** 0.3 only; ignored by 0.2 servers. */
  worker_id?: string | null;
}

/** Omitted keys stay unchanged on the server. */
export interface RolloutPatch {
  input?: unknown;
  mode?: RolloutMode | null;
  resources_id?: string | null;
  status?: RolloutStatus;
  config?: Partial<RolloutConfig>;
  metadata?: Record<string, unknown>;
}

/** Omitted keys stay unchanged on the server; AGL rejects null for every one of them. */
export interface AttemptPatch {
  status?: AttemptStatus;
  worker_id?: string;
  last_heartbeat_time?: number;
  metadata?: Record<string, unknown>;
}

export interface SpanContext {
  trace_id: string;
  span_id: string;
  is_remote: boolean;
  trace_state: Record<string, string>;
}

export interface SpanStatus {
  status_code: SpanStatusCode;
  description: string | null;
}

export interface SpanEvent {
  name: string;
  attributes: Attributes;
  timestamp: number | null;
}

export interface SpanLink {
  context: SpanContext;
  attributes: Attributes | null;
}

export interface SpanResource {
  attributes: Attributes;
  schema_url: string;
}

/** One span as AGL stores it. Every key is required on the wire (nullable ones as null). */
export interface Span {
  rollout_id: string;
  attempt_id: string;
  sequence_id: number;
  trace_id: string;
  span_id: string;
  parent_id: string | null;
  name: string;
  status: SpanStatus;
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
  /** Epoch seconds. */
  start_time: number | null;
  /** Epoch seconds. */
  end_time: number | null;
  context: SpanContext | null;
  parent: SpanContext | null;
  resource: SpanResource;
  /** AGL keeps unknown top-level keys (e.g. `kind`, `instrumentation_scope`). */
  [extra: string]: unknown;
}

export interface LlmResource {
  resource_type: 'llm' | 'proxy_llm';
  endpoint: string;
  model: string;
  api_key?: string | null;
  sampling_parameters?: Record<string, unknown>;
}

export interface PromptTemplateResource {
  resource_type: 'prompt_template';
  template: string;
  engine: 'jinja' | 'f-string' | 'poml';
}

export type Resource = LlmResource | PromptTemplateResource;
export type NamedResources = Record<string, Resource>;

export interface ResourcesUpdate {
  resources_id: string;
  resources: NamedResources;
  /** 0.3 only. */
  create_time?: number;
  /** 0.3 only. */
  update_time?: number;
  /** 0.3 only. */
  version?: number;
}

export interface Worker {
  worker_id: string;
  status: 'idle' | 'busy' | 'unknown';
  heartbeat_stats: Record<string, unknown> | null;
  last_heartbeat_time: number | null;
  last_dequeue_time: number | null;
  last_busy_time: number | null;
  last_idle_time: number | null;
  current_rollout_id: string | null;
  current_attempt_id: string | null;
}

export interface Page<T> {
  items: T[];
  /** Matches before paging. */
  total: number;
  limit: number;
  offset: number;
}
