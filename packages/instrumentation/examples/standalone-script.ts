// A short-lived script: the first import turns on AGL export (AGL_ENABLED=true), the agent runs,
// and the spans are flushed as the process exits — no shutdown code needed.
import '@agl/instrumentation/register';
import { aglMastra } from '@agl/instrumentation/mastra';
import { createOpenAI } from '@ai-sdk/openai';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';

const baseURL = process.env.AGL_LLM_BASE_URL ?? 'http://127.0.0.1:11434/v1';
const model = createOpenAI({ baseURL, apiKey: process.env.AGL_LLM_API_KEY ?? 'none' }).chat(
  process.env.AGL_LLM_MODEL ?? 'agl-offline-1',
) as unknown as MastraModelConfig;

const summarizer = new Agent({
  id: 'summarizer',
  name: 'summarizer',
  instructions: 'Summarize in one line.',
  model,
});
const mastra = new Mastra({ agents: { summarizer }, ...aglMastra(), logger: false });

const result = await mastra
  .getAgent('summarizer')
  .generate(process.argv[2] ?? 'Agent Lightning trains agents.');
console.log(JSON.stringify({ traceId: result.traceId, text: result.text }));
