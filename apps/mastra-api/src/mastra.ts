import { Mastra } from '@mastra/core';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { IMastraLogger } from '@mastra/core/logger';
import type { ObservabilityEntrypoint } from '@mastra/core/observability';
import { InMemoryStore } from '@mastra/core/storage';
import { createPostAnalyzerAgent } from './agents/post-analyzer-agent.ts';
import { createReplyWriterAgent } from './agents/reply-writer-agent.ts';

export interface CreateMastraOptions {
  model: MastraModelConfig;
  /**
   * Where agent runs are traced. Without it Mastra emits no spans and runs have no trace id;
   * `createOtelObservability()` sends them to OpenTelemetry.
   */
  observability?: ObservabilityEntrypoint | undefined;
  /** Mastra's own logger; `false` silences it. */
  logger?: IMastraLogger | false | undefined;
}

/** The Mastra instance with the Post Analyzer and its reply-writer sub-agent. */
export function createMastra({ model, observability, logger }: CreateMastraOptions) {
  const replyWriter = createReplyWriterAgent(model);
  const postAnalyzer = createPostAnalyzerAgent(model, replyWriter);
  return new Mastra({
    agents: { postAnalyzer, replyWriter },
    // The API keeps no state between requests; saying so explicitly also silences Mastra's
    // start-up warning about falling back to in-memory storage.
    storage: new InMemoryStore(),
    ...(observability === undefined ? {} : { observability }),
    ...(logger === undefined ? {} : { logger }),
  });
}

export type PostAnalyzerMastra = ReturnType<typeof createMastra>;
