export { type AgentSpanPredicate, isAgentSpan, type SpanShape } from './agent-span.ts';
export { AGLSpanExporter } from './agl-span-exporter.ts';
export { AGLSpanProcessor } from './agl-span-processor.ts';
export type { DropReason, ExporterStats } from './exporter-stats.ts';
export type { AGLExporterOptions } from './options.ts';
export { agentName, rolloutInput, rolloutMetadata } from './rollout-info.ts';
export type { RunScope } from './run-index.ts';
