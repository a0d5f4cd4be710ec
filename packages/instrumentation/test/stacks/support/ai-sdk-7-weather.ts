import { createOpenAI } from '@ai-sdk/openai';
import {
  jsonSchema,
  type LanguageModel,
  type StopCondition,
  stepCountIs,
  type ToolSet,
  tool,
} from 'ai';

export const WEATHER_SYSTEM = 'You answer weather questions. Use the weather tool for each city.';
export const WEATHER_QUESTION = 'What is the weather in Paris and Berlin?';

const FORECASTS: Record<string, unknown> = {
  Paris: { city: 'Paris', forecast: 'sunny' },
  Berlin: { city: 'Berlin', forecast: 'rainy' },
};

export interface WeatherCallOptions {
  model: LanguageModel;
  system: string;
  prompt: string;
  tools: ToolSet;
  stopWhen: StopCondition<ToolSet>;
}

/**
 * The options of one AI SDK 7 `generateText` / `streamText` weather call against an
 * OpenAI-compatible chat completions server: the `weather` tool, up to five steps, no telemetry
 * settings of its own (the registered integration records every call).
 */
export function weatherCallOptions(baseURL: string): WeatherCallOptions {
  const provider = createOpenAI({ baseURL, apiKey: 'none' });
  const weather = tool({
    description: 'The forecast for a city',
    inputSchema: jsonSchema<{ city: string }>({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    }),
    execute: async ({ city }) => FORECASTS[city] ?? { error: `unknown city ${city}` },
  });
  return {
    model: provider.chat('scripted-model'),
    system: WEATHER_SYSTEM,
    prompt: WEATHER_QUESTION,
    tools: { weather },
    stopWhen: stepCountIs(5),
  };
}
