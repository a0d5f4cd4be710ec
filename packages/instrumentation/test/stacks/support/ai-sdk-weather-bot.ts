import type { Tracer } from '@opentelemetry/api';

/** The built-in telemetry settings every AI SDK version takes (`experimental_telemetry`). */
export interface AiSdkTelemetry {
  isEnabled: true;
  functionId: string;
  tracer?: Tracer;
}

/**
 * The same weather bot (system prompt, question, `weather` tool, up to 5 steps) written against
 * one AI SDK major version, so one test can run every version.
 */
export interface AiSdkWeatherBot {
  /** One `generateText` run; resolves to the final text. */
  generate(telemetry: AiSdkTelemetry): Promise<string>;
  /** One `streamText` run, read to the end; resolves to the final text. */
  stream(telemetry: AiSdkTelemetry): Promise<string>;
}

export interface AiSdkStack {
  /** e.g. `AI SDK 5`. */
  label: string;
  /** The packages the bot is built from (npm aliases), recorded in the fixture. */
  packages: readonly string[];
  /** Converter fixture written from this stack's spans. */
  fixture: string;
  /** The bot against an OpenAI-compatible server at `baseURL`. */
  weatherBot(baseURL: string): AiSdkWeatherBot;
}
