import { SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type OpenAI from 'openai-v6';
import { aglRun } from '../../../src/agl-run.ts';
import {
  forecast,
  WEATHER_PARAMETERS,
  WEATHER_QUESTION,
  WEATHER_SYSTEM,
  WEATHER_TOOL_DESCRIPTION,
} from './weather.ts';

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type ToolCall = { id: string; type: 'function'; function: { name: string; arguments: string } };

export const WEATHER_TOOL = {
  type: 'function' as const,
  function: {
    name: 'weather',
    description: WEATHER_TOOL_DESCRIPTION,
    parameters: WEATHER_PARAMETERS,
  },
};

/**
 * The plain `openai` SDK agent loop an app writes by hand: call the model, run the tools it
 * asks for (each in a GenAI `execute_tool` span, as the semantic conventions describe), repeat
 * until it answers. Streamed or not.
 */
export async function runToolLoop(
  client: OpenAI,
  tracer: Tracer,
  options: { system: string; question: string; stream: boolean },
): Promise<string> {
  const messages: Message[] = [
    { role: 'system', content: options.system },
    { role: 'user', content: options.question },
  ];
  for (let turn = 0; turn < 5; turn++) {
    const reply = options.stream
      ? await streamedReply(client, messages)
      : await plainReply(client, messages);
    if (reply.toolCalls.length === 0) return reply.content ?? '';
    messages.push({ role: 'assistant', content: reply.content, tool_calls: reply.toolCalls });
    for (const call of reply.toolCalls) {
      const result = await executeTool(tracer, call);
      messages.push({ role: 'tool', tool_call_id: call.id, content: result });
    }
  }
  throw new Error('the model did not answer within 5 turns');
}

async function plainReply(client: OpenAI, messages: Message[]) {
  const response = await client.chat.completions.create({
    model: 'scripted-model',
    messages,
    tools: [WEATHER_TOOL],
  });
  const message = response.choices[0]?.message;
  const toolCalls = (message?.tool_calls ?? []).filter(
    (call): call is ToolCall => call.type === 'function',
  );
  return { content: message?.content ?? null, toolCalls };
}

async function streamedReply(client: OpenAI, messages: Message[]) {
  const stream = await client.chat.completions.create({
    model: 'scripted-model',
    messages,
    tools: [WEATHER_TOOL],
    stream: true,
    stream_options: { include_usage: true },
  });
  let content = '';
  const toolCalls: ToolCall[] = [];
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta;
    if (delta?.content) content += delta.content;
    for (const part of delta?.tool_calls ?? []) {
      let call = toolCalls[part.index];
      if (call === undefined) {
        call = { id: '', type: 'function', function: { name: '', arguments: '' } };
        toolCalls[part.index] = call;
      }
      if (part.id) call.id = part.id;
      if (part.function?.name) call.function.name += part.function.name;
      if (part.function?.arguments) call.function.arguments += part.function.arguments;
    }
  }
  return { content: content === '' ? null : content, toolCalls };
}

async function executeTool(tracer: Tracer, call: ToolCall): Promise<string> {
  return tracer.startActiveSpan(
    `execute_tool ${call.function.name}`,
    {
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': call.function.name,
        'gen_ai.tool.call.id': call.id,
        'gen_ai.tool.call.arguments': call.function.arguments,
      },
    },
    async (span) => {
      const { city } = JSON.parse(call.function.arguments) as { city: string };
      const result = JSON.stringify(await forecast({ city }));
      span.setStatus({ code: SpanStatusCode.OK });
      span.end();
      return result;
    },
  );
}

/**
 * The app's two runs: the weather loop plain, then streamed, each marked with `aglRun` named
 * `weather-loop` and no `input` (the rollout input falls back to the first user message).
 * `runTracer` starts the run spans (default: the global provider's). Resolves to the answers.
 */
export async function runWeatherLoops(
  client: OpenAI,
  tracer: Tracer,
  runTracer?: Tracer,
): Promise<string[]> {
  const answers: string[] = [];
  for (const stream of [false, true]) {
    answers.push(
      await aglRun(
        'weather-loop',
        () =>
          runToolLoop(client, tracer, {
            system: WEATHER_SYSTEM,
            question: WEATHER_QUESTION,
            stream,
          }),
        runTracer ? { tracer: runTracer } : {},
      ),
    );
  }
  return answers;
}
