import { connect, DEFAULT_ENDPOINT, isAglServer1Error } from '@agl/client';
import {
  type AGLExporterOptions,
  AGLSpanExporter,
  AGLSpanProcessor,
  type FlushRunResult,
  type FlushTarget,
} from '@agl/exporter';
import {
  context,
  DiagConsoleLogger,
  DiagLogLevel,
  diag,
  ProxyTracerProvider,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { LoggerProvider } from '@opentelemetry/sdk-logs';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { type AglEnvConfig, readAglEnv } from './config.ts';
import { installFlushOnExit } from './flush-on-exit.ts';
import { GenAiLogEventsProcessor } from './genai-log-events.ts';

export interface RegisterAglOptions {
  /** Overrides AGL_ENABLED. */
  enabled?: boolean;
  /** Overrides the exporter settings read from AGL_* variables. */
  exporter?: AGLExporterOptions;
  /** `service.name` when OTEL_SERVICE_NAME is not set. */
  serviceName?: string;
  /** Never register globally; the returned provider is only ours (pass it to Mastra's bridge). */
  isolated?: boolean;
  /** Flush on SIGTERM, SIGINT and beforeExit. Default true. */
  flushOnExit?: boolean;
  /** Warn once when the store does not answer. Default true (AGL_STARTUP_CHECK). */
  checkOnStart?: boolean;
  /** Environment to read instead of process.env. */
  env?: Record<string, string | undefined>;
}

export interface AglHandles {
  /** The provider that feeds AGL: ours, global unless `isolated`. */
  provider: NodeTracerProvider;
  /** True when our provider is not the global one (another was registered first, or asked). */
  isolated: boolean;
  processor: AGLSpanProcessor;
  exporter: AGLSpanExporter;
  /** Turns GenAI log events (message content some instrumentations log) into span events. */
  logEvents: GenAiLogEventsProcessor;
  /**
   * A logger provider feeding `logEvents`, for instrumentations that log message content
   * (`registerInstrumentations({ loggerProvider })`). Never registered globally, so the app's own
   * log pipeline is never displaced.
   */
  loggerProvider: LoggerProvider;
  flush(): Promise<void>;
  /** Waits until one run (trace id or agent span) is stored and finished, not for the others. */
  flushRun(target: FlushTarget, timeoutMs?: number): Promise<FlushRunResult>;
  shutdown(): Promise<void>;
}

const LOG_LEVELS: Record<string, DiagLogLevel> = {
  NONE: DiagLogLevel.NONE,
  ERROR: DiagLogLevel.ERROR,
  WARN: DiagLogLevel.WARN,
  INFO: DiagLogLevel.INFO,
  DEBUG: DiagLogLevel.DEBUG,
  VERBOSE: DiagLogLevel.VERBOSE,
  ALL: DiagLogLevel.ALL,
};

let registered: AglHandles | null | undefined;

function globalProviderTaken(): boolean {
  const provider: TracerProvider = trace.getTracerProvider();
  const delegate = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
  return delegate.constructor.name !== 'NoopTracerProvider';
}

function warnIfUnreachable(endpoint: string, dialect: AGLExporterOptions['dialect']): void {
  void context.with(suppressTracing(context.active()), async () => {
    try {
      const store = await connect(endpoint, {
        dialect: dialect ?? 'auto',
        probeTimeoutMs: 3_000,
        retry: false,
        healthProbe: false,
      });
      await store.close();
    } catch (error) {
      if (isAglServer1Error(error)) {
        console.warn(
          `[agl] ${error.message} The app runs normally; set AGL_ENABLED=false to turn export off.`,
        );
        return;
      }
      console.warn(
        `[agl] No Agent Lightning store answers at ${endpoint} (${(error as Error).message}). ` +
          'The app runs normally and spans wait in a bounded queue. Start a store with `pnpm agl:server`, ' +
          'or set AGL_ENDPOINT, or AGL_ENABLED=false to turn export off.',
      );
    }
  });
}

/**
 * Turns on export to Agent Lightning: a tracer provider with the AGL span processor, registered
 * globally unless another provider already is, plus a logger provider (not registered) that adds
 * GenAI log events (message content some instrumentations log) to their spans. Returns null when
 * disabled or misconfigured (the
 * reason is printed; the app keeps running). Calling it again returns the first result.
 */
export function registerAgl(options: RegisterAglOptions = {}): AglHandles | null {
  if (registered !== undefined) return registered;
  const env = options.env ?? process.env;
  const logLevel = env.OTEL_LOG_LEVEL?.trim().toUpperCase();
  if (logLevel && LOG_LEVELS[logLevel] !== undefined) {
    diag.setLogger(new DiagConsoleLogger(), LOG_LEVELS[logLevel]);
  }
  const parsed = readAglEnv(env);
  if (!parsed.ok) {
    console.error(
      `[agl] Agent Lightning export is disabled because of invalid settings:\n  - ${parsed.errors.join('\n  - ')}\nFix them and restart; the app runs normally meanwhile.`,
    );
    registered = null;
    return null;
  }
  const config: AglEnvConfig = parsed.config;
  if (!(options.enabled ?? config.enabled)) {
    registered = null;
    return null;
  }
  const exporterOptions = { ...config.exporter, ...options.exporter };
  const exporter = new AGLSpanExporter(exporterOptions);
  const processor = new AGLSpanProcessor({ exporter });
  const serviceName = options.serviceName ?? 'unknown_service:node';
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': serviceName }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  const isolated = (options.isolated ?? config.isolated) || globalProviderTaken();
  if (!isolated) provider.register();
  const logEvents = new GenAiLogEventsProcessor();
  const loggerProvider = new LoggerProvider({ resource, processors: [logEvents] });
  const uninstall =
    options.flushOnExit === false
      ? () => {}
      : installFlushOnExit(() => provider.forceFlush(), exporterOptions.flushTimeoutMs ?? 10_000);
  if (options.checkOnStart ?? config.checkOnStart) {
    warnIfUnreachable(exporterOptions.endpoint ?? DEFAULT_ENDPOINT, exporterOptions.dialect);
  }
  const handles: AglHandles = {
    provider,
    isolated,
    processor,
    exporter,
    logEvents,
    loggerProvider,
    flush: () => provider.forceFlush(),
    flushRun: (target, timeoutMs) => processor.flushRun(target, timeoutMs),
    shutdown: async () => {
      uninstall();
      await loggerProvider.shutdown();
      await provider.shutdown();
    },
  };
  registered = handles;
  return handles;
}

/** The handles of the earlier `registerAgl()` call, or null when it is off or was not called. */
export function aglHandles(): AglHandles | null {
  return registered ?? null;
}

/** Forgets the registration (tests). Does not unregister a global provider. */
export function resetAglRegistration(): void {
  registered = undefined;
}
