import {
  type AIMessageChunk,
  type BaseMessage,
  HumanMessage,
  SystemMessage,
  type ToolMessage,
} from '@langchain/core/messages';
import { RunnableLambda } from '@langchain/core/runnables';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { forecast, WEATHER_TOOL_DESCRIPTION } from './weather.ts';

/**
 * A LangChain.js tool-calling agent as a runnable named `weather-agent` (its run is the root
 * CHAIN run): chat model with the `weather` tool bound, run the tools it asks for, repeat.
 * Streamed with `.stream()`: `invoke` with `streaming: true` estimates token counts with an
 * encoding it downloads, which has no place in a loopback-only test.
 */
export function weatherAgent(options: { baseURL: string; system: string; streaming: boolean }) {
  const weather = tool(async ({ city }) => JSON.stringify(await forecast({ city })), {
    name: 'weather',
    description: WEATHER_TOOL_DESCRIPTION,
    schema: z.object({ city: z.string() }),
  });
  const model = new ChatOpenAI({
    model: 'scripted-model',
    apiKey: 'none',
    configuration: { baseURL: options.baseURL },
  }).bindTools([weather]);
  return RunnableLambda.from(async (question: string, config) => {
    const messages: BaseMessage[] = [new SystemMessage(options.system), new HumanMessage(question)];
    for (let turn = 0; turn < 5; turn++) {
      const reply = options.streaming
        ? await streamed(model.stream(messages, config))
        : await model.invoke(messages, config);
      messages.push(reply);
      if (!reply.tool_calls?.length) return String(reply.content);
      for (const call of reply.tool_calls) {
        messages.push((await weather.invoke(call, config)) as ToolMessage);
      }
    }
    throw new Error('the model did not answer within 5 turns');
  }).withConfig({ runName: 'weather-agent' });
}

async function streamed(chunks: Promise<AsyncIterable<AIMessageChunk>>): Promise<AIMessageChunk> {
  let whole: AIMessageChunk | undefined;
  for await (const chunk of await chunks) whole = whole === undefined ? chunk : whole.concat(chunk);
  if (whole === undefined) throw new Error('the model streamed nothing');
  return whole;
}
