import { createOpenAI } from '@ai-sdk/openai';
import {
  jsonSchema,
  type LanguageModel,
  type StopCondition,
  stepCountIs,
  type ToolSet,
  tool,
} from 'ai';
import {
  forecast,
  WEATHER_PARAMETERS,
  WEATHER_QUESTION,
  WEATHER_SYSTEM,
  WEATHER_TOOL_DESCRIPTION,
} from './weather.ts';

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
    description: WEATHER_TOOL_DESCRIPTION,
    inputSchema: jsonSchema<{ city: string }>(WEATHER_PARAMETERS),
    execute: forecast,
  });
  return {
    model: provider.chat('scripted-model'),
    system: WEATHER_SYSTEM,
    prompt: WEATHER_QUESTION,
    tools: { weather },
    stopWhen: stepCountIs(5),
  };
}
