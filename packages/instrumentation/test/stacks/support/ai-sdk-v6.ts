import { createOpenAICompatible } from '@ai-sdk/openai-compatible-v2';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai-v6';
import type { AiSdkStack } from './ai-sdk-weather-bot.ts';
import {
  forecast,
  WEATHER_PARAMETERS,
  WEATHER_QUESTION,
  WEATHER_SYSTEM,
  WEATHER_TOOL_DESCRIPTION,
} from './weather.ts';

/** AI SDK 6: tools take `inputSchema`, the step limit is `stopWhen`. */
export const AI_SDK_6: AiSdkStack = {
  label: 'AI SDK 6',
  packages: ['ai-v6', '@ai-sdk/openai-compatible-v2'],
  fixture: 'ai-sdk-6-telemetry-run.json',
  weatherBot(baseURL) {
    const provider = createOpenAICompatible({ name: 'scripted', baseURL, apiKey: 'none' });
    const weather = tool({
      description: WEATHER_TOOL_DESCRIPTION,
      inputSchema: jsonSchema<{ city: string }>(WEATHER_PARAMETERS),
      execute: forecast,
    });
    const options = {
      model: provider.chatModel('scripted-model'),
      system: WEATHER_SYSTEM,
      prompt: WEATHER_QUESTION,
      tools: { weather },
      stopWhen: stepCountIs(5),
    };
    return {
      generate: async (telemetry) =>
        (await generateText({ ...options, experimental_telemetry: telemetry })).text,
      stream: (telemetry) =>
        Promise.resolve(streamText({ ...options, experimental_telemetry: telemetry }).text),
    };
  },
};
