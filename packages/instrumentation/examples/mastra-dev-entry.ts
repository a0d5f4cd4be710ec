// `src/mastra/index.ts` of a Mastra project run with `mastra dev`: the Mastra instance gets its
// observability from @agl/instrumentation. Start the dev server with AGL_ENABLED=true.
import '@agl/instrumentation/register';
import { aglMastra } from '@agl/instrumentation/mastra';
import { createOpenAI } from '@ai-sdk/openai';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';

const model = createOpenAI({
  baseURL: process.env.AGL_LLM_BASE_URL ?? 'http://127.0.0.1:11434/v1',
  apiKey: process.env.AGL_LLM_API_KEY ?? 'none',
}).chat(process.env.AGL_LLM_MODEL ?? 'agl-offline-1') as unknown as MastraModelConfig;

export const mastra = new Mastra({
  agents: {
    greeter: new Agent({ id: 'greeter', name: 'greeter', instructions: 'Greet briefly.', model }),
  },
  ...aglMastra(),
  logger: false,
});
