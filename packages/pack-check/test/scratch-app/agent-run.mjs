// A user's app, written as the READMEs tell: the first import turns on AGL export from the
// environment, Mastra gets our observability, one agent run, spans flushed on exit.
import '@agl/instrumentation/register';
import { aglHandles } from '@agl/instrumentation';
import { aglMastra } from '@agl/instrumentation/mastra';
import { createOpenAI } from '@ai-sdk/openai';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';

if (!aglHandles()) throw new Error('AGL export did not start: check AGL_ENABLED and AGL_ENDPOINT');

const model = createOpenAI({ baseURL: process.env.MODEL_BASE_URL, apiKey: 'offline' }).chat(
  'agl-offline-1',
);
const reviewer = new Agent({
  id: 'reviewer',
  name: 'reviewer',
  instructions: 'Review the text in one line.',
  model,
});
const mastra = new Mastra({ agents: { reviewer }, ...aglMastra(), logger: false });

const result = await mastra.getAgent('reviewer').generate('Agent Lightning trains agents.');
console.log(JSON.stringify({ traceId: result.traceId, text: result.text }));
