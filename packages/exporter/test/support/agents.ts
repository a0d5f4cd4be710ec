import { createOpenAI } from '@ai-sdk/openai';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';
import type { ObservabilityEntrypoint } from '@mastra/core/observability';
import { createTool } from '@mastra/core/tools';
import { z } from 'zod';

/** Test agents on the offline model: one with tools, one whose tool throws, one that delegates. */
export function createTestMastra(modelUrl: string, observability: ObservabilityEntrypoint) {
  const model = chatModel(modelUrl);
  const countWords = createTool({
    id: 'countWords',
    description: 'Counts the words of a text',
    inputSchema: z.object({ text: z.string() }),
    outputSchema: z.object({ words: z.number() }),
    execute: async ({ text }) => ({ words: text.split(/\s+/).filter(Boolean).length }),
  });
  const explode = createTool({
    id: 'explode',
    description: 'Always fails',
    inputSchema: z.object({ text: z.string() }),
    execute: async () => {
      throw new Error('tool exploded on purpose');
    },
  });
  const helper = new Agent({
    id: 'helper',
    name: 'helper',
    instructions: 'Answer briefly.',
    model,
  });
  // An agent called from a tool, inside the calling agent's trace.
  const askHelper = createTool({
    id: 'askHelper',
    description: 'Asks the helper agent a question',
    inputSchema: z.object({ question: z.string() }),
    outputSchema: z.object({ answer: z.string() }),
    execute: async ({ question }, toolContext) => {
      const result = await helper.generate(question, {
        ...(toolContext?.tracingContext ? { tracingContext: toolContext.tracingContext } : {}),
      });
      return { answer: result.text };
    },
  });
  const counter = new Agent({
    id: 'counter',
    name: 'counter',
    instructions: 'Count the words, then answer.',
    model,
    tools: { countWords },
  });
  const fragile = new Agent({
    id: 'fragile',
    name: 'fragile',
    instructions: 'Use the tool, then answer.',
    model,
    tools: { explode },
  });
  const delegator = new Agent({
    id: 'delegator',
    name: 'delegator',
    instructions: 'Ask the helper, then answer.',
    model,
    tools: { askHelper },
  });
  const broken = new Agent({
    id: 'broken',
    name: 'broken',
    instructions: 'Never reaches a model.',
    // Port 9 (discard) has no listener here: every model call fails at once.
    model: chatModel('http://127.0.0.1:9/v1'),
  });
  return new Mastra({
    agents: { counter, fragile, delegator, helper, broken },
    observability,
    logger: false,
  });
}

function chatModel(baseURL: string): MastraModelConfig {
  // @ai-sdk/openai's model types are a release ahead of @mastra/core's copy; the runtime contract
  // is the same.
  return createOpenAI({ baseURL, apiKey: 'offline' }).chat(
    'agl-offline-1',
  ) as unknown as MastraModelConfig;
}
