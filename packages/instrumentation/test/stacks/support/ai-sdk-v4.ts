import { createOpenAICompatible } from '@ai-sdk/openai-compatible-v0';
import { generateText, jsonSchema, streamText, tool } from 'ai-v4';
import type { AiSdkStack } from './ai-sdk-weather-bot.ts';
import {
  forecast,
  WEATHER_PARAMETERS,
  WEATHER_QUESTION,
  WEATHER_SYSTEM,
  WEATHER_TOOL_DESCRIPTION,
} from './weather.ts';

/** AI SDK 4: tools take `parameters`, the step limit is `maxSteps`, tool calls carry `args`. */
export const AI_SDK_4: AiSdkStack = {
  label: 'AI SDK 4',
  packages: ['ai-v4', '@ai-sdk/openai-compatible-v0'],
  fixture: 'ai-sdk-4-telemetry-run.json',
  weatherBot(baseURL) {
    const provider = createOpenAICompatible({ name: 'scripted', baseURL, apiKey: 'none' });
    const weather = tool({
      description: WEATHER_TOOL_DESCRIPTION,
      parameters: jsonSchema<{ city: string }>(WEATHER_PARAMETERS),
      execute: forecast,
    });
    const options = {
      model: provider.chatModel('scripted-model'),
      system: WEATHER_SYSTEM,
      prompt: WEATHER_QUESTION,
      tools: { weather },
      maxSteps: 5,
    };
    return {
      generate: async (telemetry) =>
        (await generateText({ ...options, experimental_telemetry: telemetry })).text,
      stream: async (telemetry) => {
        // AI SDK 4 settles a stream's promises only once something reads the stream.
        const result = streamText({ ...options, experimental_telemetry: telemetry });
        await result.consumeStream();
        return result.text;
      },
    };
  },
};
