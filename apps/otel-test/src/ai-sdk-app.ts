// The non-Mastra app of `agl:otel-test`: one Vercel AI SDK `generateText` run with tools and the
// SDK's built-in telemetry, wired as the instrumentation README says: the import below comes
// first, AGL_ENABLED / AGL_ENDPOINT come from the environment, spans are flushed on exit.
// The model is the OpenAI-compatible server at OPENAI_BASE_URL. Prints the answer.
import '@agl/instrumentation/register';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible-v2';
import { generateText, jsonSchema, stepCountIs, tool } from 'ai-v6';
import { AI_SDK_APP } from './ai-sdk-app-spec.ts';

const cityInput = jsonSchema<{ city: string }>({
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
});

const baseURL = process.env.OPENAI_BASE_URL;
if (!baseURL) {
  console.error('OPENAI_BASE_URL is not set: point it at an OpenAI-compatible server.');
  process.exit(2);
}
const provider = createOpenAICompatible({
  name: 'otel-test',
  baseURL,
  apiKey: process.env.OPENAI_API_KEY ?? 'none',
});

const result = await generateText({
  model: provider.chatModel('agl-offline-1'),
  system: 'You help travellers. Use the tools before you answer.',
  prompt: AI_SDK_APP.question,
  tools: {
    weather: tool({
      description: 'The forecast for a city',
      inputSchema: cityInput,
      execute: async ({ city }) => ({ city, forecast: 'sunny', celsius: 21 }),
    }),
    localTime: tool({
      description: 'The local time in a city',
      inputSchema: cityInput,
      execute: async ({ city }) => ({ city, time: '14:05' }),
    }),
  },
  stopWhen: stepCountIs(4),
  experimental_telemetry: { isEnabled: true, functionId: AI_SDK_APP.functionId },
});
console.log(result.text);
