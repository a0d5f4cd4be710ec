import {
  type AglStore,
  type ConnectOptions,
  DEFAULT_ENDPOINT,
  parseStoreBaseUrl,
  type RolloutConfig,
  type RolloutMode,
} from '@agl/client';
import type { ConverterOptions } from '@agl/converter';
import type { MeterProvider } from '@opentelemetry/api';
import type { AgentSpanPredicate } from './agent-span.ts';
import { type AglRunContext, normalizeRunContext } from './run-context.ts';
import type { RunScope } from './run-index.ts';
import type { RunSampler } from './run-sampler.ts';
import { bothFilters, dropSpansFilter, type SpanFilter } from './span-filter.ts';

export interface AGLExporterOptions {
  /** Base URL of the AGL store. Default: `DEFAULT_ENDPOINT` from `@agl/client`. */
  endpoint?: string;
  /** `auto` probes the server; default `auto`. */
  dialect?: 'auto' | '0.2' | '0.3';
  /** A ready client instead of `endpoint` (tests, shared clients). */
  store?: AglStore;
  /** Transport settings of the client the exporter creates (timeouts, retries, pool size). */
  client?: Omit<ConnectOptions, 'dialect'>;
  /** `agent`: one rollout per outermost agent span (default). `trace`: one per local trace. */
  scope?: RunScope;
  /** Which spans are agent runs. Default: `gen_ai.operation.name = invoke_agent`, else name ~ agent|generate|mastra. */
  isAgentSpan?: AgentSpanPredicate;
  /** Rollout mode written to AGL. Default null. */
  mode?: RolloutMode | null;
  /** Rollout config written to AGL (timeouts, retries). Default AGL's. */
  rolloutConfig?: Partial<RolloutConfig>;
  /** Extra rollout metadata for every rollout. */
  metadata?: Record<string, unknown>;
  /** Span conversion: limits, redaction (`mask`), GenAI normalisation. */
  converter?: ConverterOptions;
  /** 0.3 span transport: OTLP/protobuf bulk (default) or one REST call per span. */
  transport?: 'otlp' | 'rest';
  /** Most spans waiting for delivery. Default 4096. */
  maxQueueSpans?: number;
  /** Most estimated bytes waiting for delivery. Default 32 MiB. */
  maxQueueBytes?: number;
  /** Spans per OTLP request. Default 512. */
  maxBatchSpans?: number;
  /** Concurrent HTTP requests to AGL. Default 8. */
  maxConcurrentRequests?: number;
  /** Spans held while their ancestors are unknown (bare exporter). Default 4096. */
  maxHeldSpans?: number;
  /** How long a span may wait for its ancestors. Default 60 s. */
  maxHoldMs?: number;
  /** A run whose agent span has not ended after this long is finished as failed. Default 30 min. */
  runTimeoutMs?: number;
  /** Deadline for `shutdown()`. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** Deadline for `forceFlush()`. Default 30 s. */
  flushTimeoutMs?: number;
  /** Pause before delivery is retried while AGL is unreachable (doubles up to 30 s; a health probe every 500 ms ends it early). Default 500 ms. */
  retryDelayMs?: number;
  /** Return false to leave a span out of its rollout (counted as `spans_filtered`). The agent span is always kept. */
  shouldExportSpan?: SpanFilter;
  /** Spans to leave out by preset (`model_chunks`, `model_steps`, `model_inference`) or name pattern (`fs.*`). */
  dropSpans?: string[];
  /** Share of runs that become rollouts, 0…1, decided by trace id like OTel's ratio sampler. Default 1. */
  sampleRate?: number;
  /** Decides per run instead of `sampleRate`, from the agent span as first seen. */
  sampleRun?: RunSampler;
  /** User, session, tags, environment, release for every rollout (per request: `withAglContext`). */
  runContext?: AglRunContext;
  /** `immediate`: a run is delivered the moment its agent span ends (short-lived functions). Default `batched`. */
  exportMode?: ExportMode;
  /** Where the exporter's own metrics go. Default the global MeterProvider (none: no cost). */
  meterProvider?: MeterProvider;
}

export type ExportMode = 'batched' | 'immediate';

export type ResolvedOptions = Required<
  Omit<
    AGLExporterOptions,
    | 'store'
    | 'rolloutConfig'
    | 'mode'
    | 'metadata'
    | 'converter'
    | 'client'
    | 'meterProvider'
    | 'shouldExportSpan'
    | 'dropSpans'
    | 'sampleRun'
    | 'runContext'
  >
> & {
  store: AglStore | undefined;
  client: Omit<ConnectOptions, 'dialect'>;
  rolloutConfig: Partial<RolloutConfig> | undefined;
  converter: ConverterOptions | undefined;
  mode: RolloutMode | null;
  metadata: Record<string, unknown>;
  /** `shouldExportSpan` and `dropSpans` together; undefined when every span is kept. */
  spanFilter: SpanFilter | undefined;
  sampleRun: RunSampler | undefined;
  runContext: AglRunContext;
};

function resolveSpanFilter(options: AGLExporterOptions): SpanFilter | undefined {
  const { shouldExportSpan, dropSpans } = options;
  if (shouldExportSpan !== undefined && typeof shouldExportSpan !== 'function') {
    throw new TypeError(
      `AGLSpanExporter option shouldExportSpan must be a function (span) => boolean, got ${typeof shouldExportSpan}`,
    );
  }
  if (
    dropSpans !== undefined &&
    (!Array.isArray(dropSpans) || dropSpans.some((entry) => typeof entry !== 'string'))
  ) {
    throw new TypeError(
      "AGLSpanExporter option dropSpans must be a list of strings such as ['model_chunks', 'fs.*']",
    );
  }
  const dropping = dropSpans && dropSpans.length > 0 ? dropSpansFilter(dropSpans) : undefined;
  if (dropping && shouldExportSpan) return bothFilters(dropping, shouldExportSpan);
  return dropping ?? shouldExportSpan;
}

function resolveSampleRate(value: number | undefined): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new TypeError(
      `AGLSpanExporter option sampleRate must be a number from 0 to 1 (0.1 keeps one run in ten), got ${String(value)}`,
    );
  }
  return value;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError(
      `AGLSpanExporter option ${name} must be a positive number, got ${String(value)}`,
    );
  }
  return value;
}

function resolveSampleRun(value: RunSampler | undefined): RunSampler | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(
      `AGLSpanExporter option sampleRun must be a function (agentSpan) => boolean, got ${typeof value}`,
    );
  }
  return value;
}

function resolveExportMode(value: ExportMode | undefined): ExportMode {
  if (value === undefined) return 'batched';
  if (value !== 'batched' && value !== 'immediate') {
    throw new TypeError(
      `AGLSpanExporter option exportMode must be 'batched' or 'immediate', got ${String(value)}`,
    );
  }
  return value;
}

/** Fills defaults and rejects nonsense with a message naming the option. */
export function resolveOptions(
  options: AGLExporterOptions,
  defaultAgent: AgentSpanPredicate,
): ResolvedOptions {
  if (options.scope !== undefined && options.scope !== 'agent' && options.scope !== 'trace') {
    throw new TypeError(
      `AGLSpanExporter option scope must be 'agent' or 'trace', got ${String(options.scope)}`,
    );
  }
  if (
    options.transport !== undefined &&
    options.transport !== 'otlp' &&
    options.transport !== 'rest'
  ) {
    throw new TypeError(
      `AGLSpanExporter option transport must be 'otlp' or 'rest', got ${String(options.transport)}`,
    );
  }
  if (options.dialect !== undefined && !['auto', '0.2', '0.3'].includes(options.dialect)) {
    throw new TypeError(
      `AGLSpanExporter option dialect must be 'auto', '0.2' or '0.3', got ${String(options.dialect)}`,
    );
  }
  const endpoint = parseStoreBaseUrl(options.endpoint ?? DEFAULT_ENDPOINT);
  if (!endpoint.ok) throw new TypeError(`AGLSpanExporter option endpoint: ${endpoint.problem}`);
  return {
    endpoint: endpoint.baseUrl,
    dialect: options.dialect ?? 'auto',
    store: options.store,
    client: options.client ?? {},
    scope: options.scope ?? 'agent',
    isAgentSpan: options.isAgentSpan ?? defaultAgent,
    mode: options.mode ?? null,
    rolloutConfig: options.rolloutConfig,
    converter: options.converter,
    metadata: options.metadata ?? {},
    transport: options.transport ?? 'otlp',
    maxQueueSpans: positive('maxQueueSpans', options.maxQueueSpans, 4096),
    maxQueueBytes: positive('maxQueueBytes', options.maxQueueBytes, 32 * 1024 * 1024),
    maxBatchSpans: positive('maxBatchSpans', options.maxBatchSpans, 512),
    maxConcurrentRequests: positive('maxConcurrentRequests', options.maxConcurrentRequests, 8),
    maxHeldSpans: positive('maxHeldSpans', options.maxHeldSpans, 4096),
    maxHoldMs: positive('maxHoldMs', options.maxHoldMs, 60_000),
    runTimeoutMs: positive('runTimeoutMs', options.runTimeoutMs, 30 * 60_000),
    shutdownTimeoutMs: positive('shutdownTimeoutMs', options.shutdownTimeoutMs, 10_000),
    flushTimeoutMs: positive('flushTimeoutMs', options.flushTimeoutMs, 30_000),
    retryDelayMs: positive('retryDelayMs', options.retryDelayMs, 500),
    spanFilter: resolveSpanFilter(options),
    sampleRate: resolveSampleRate(options.sampleRate),
    sampleRun: resolveSampleRun(options.sampleRun),
    runContext: normalizeRunContext(options.runContext ?? {}),
    exportMode: resolveExportMode(options.exportMode),
  };
}
