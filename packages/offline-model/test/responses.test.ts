import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import type { FunctionTool, ResponseInputItem } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type OfflineModel, startOfflineModel } from '../src/index.ts';
import { countTokens } from '../src/tokens.ts';

let server: OfflineModel;
let client: OpenAI;

beforeAll(async () => {
  server = await startOfflineModel();
  client = new OpenAI({ baseURL: server.url, apiKey: 'offline', maxRetries: 0 });
});
afterAll(() => server.close());

const QUESTION = 'Is it warm in Lisbon today? I would love a beach day, maybe 2 hours';

const tools: FunctionTool[] = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
    strict: true,
  },
  {
    type: 'function',
    name: 'plan_activity',
    parameters: {
      type: 'object',
      properties: { hours: { type: 'number' }, activity: { type: 'string' } },
      required: ['hours', 'activity'],
    },
    strict: false,
  },
];

const verdictSchema = {
  type: 'object',
  properties: {
    temperature: { type: 'number' },
    verdict: { type: 'string', enum: ['go', 'stay'] },
    city: { type: 'string' },
    sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] },
  },
  required: ['temperature', 'verdict', 'city', 'sentiment'],
  additionalProperties: false,
};

describe('responses: function calls, then structured output', () => {
  it('answers with one function_call item per tool, arguments valid against each schema', async () => {
    const response = await client.responses.create({ model: 'gpt-4.1', input: QUESTION, tools });
    expect(response.status).toBe('completed');
    expect(response.object).toBe('response');
    expect(response.id).toMatch(/^resp_[0-9a-f]{48}$/);
    const calls = response.output.filter((item) => item.type === 'function_call');
    expect(calls.map((call) => call.name)).toEqual(['get_weather', 'plan_activity']);
    for (const [index, call] of calls.entries()) {
      expect(call.call_id).toMatch(/^call_/);
      expect(call.id).toMatch(/^fc_/);
      const schema = z.fromJSONSchema(tools[index]?.parameters as never);
      expect(schema.safeParse(JSON.parse(call.arguments)).success).toBe(true);
    }
    expect(JSON.parse(calls[0]?.arguments ?? '')).toMatchObject({ city: 'Lisbon' });
    expect(JSON.parse(calls[1]?.arguments ?? '')).toMatchObject({ hours: 2 });
    expect(response.output_text).toBe('');
    expect(response.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('answers the follow-up with JSON matching text.format, using the tool results', async () => {
    const first = await client.responses.create({ model: 'm', input: QUESTION, tools });
    const calls = first.output.filter((item) => item.type === 'function_call');
    const input: ResponseInputItem[] = [
      { role: 'user', content: QUESTION },
      ...calls.map((call) => ({
        type: 'function_call' as const,
        call_id: call.call_id,
        name: call.name,
        arguments: call.arguments,
      })),
      {
        type: 'function_call_output',
        call_id: calls[0]?.call_id ?? '',
        output: '{"temperature":27,"verdict":"go"}',
      },
      { type: 'function_call_output', call_id: calls[1]?.call_id ?? '', output: 'booked' },
    ];
    const response = await client.responses.create({
      model: 'm',
      input,
      tools,
      text: {
        format: { type: 'json_schema', name: 'verdict', schema: verdictSchema, strict: true },
      },
    });
    const value = JSON.parse(response.output_text);
    expect(z.fromJSONSchema(verdictSchema as never).safeParse(value).success).toBe(true);
    expect(value).toEqual({
      temperature: 27,
      verdict: 'go',
      city: 'Lisbon',
      sentiment: 'positive',
    });
    expect(response.output).toHaveLength(1);
    expect(response.output[0]?.type).toBe('message');
  });

  it('parses structured output through responses.parse', async () => {
    const Plan = z.object({ city: z.string(), keywords: z.array(z.string()).max(3) });
    const response = await client.responses.parse({
      model: 'm',
      input: QUESTION,
      text: { format: zodTextFormat(Plan, 'plan') },
    });
    expect(response.output_parsed).toEqual({
      city: 'Lisbon',
      keywords: ['warm', 'lisbon', 'love'],
    });
  });

  it('continues a conversation through previous_response_id and item references', async () => {
    const first = await client.responses.create({
      model: 'm',
      input: 'Remember #blue',
      instructions: 'Be brief.',
    });
    const second = await client.responses.create({
      model: 'm',
      input: 'What did I say?',
      previous_response_id: first.id,
    });
    expect(second.previous_response_id).toBe(first.id);
    expect(second.output_text).toContain('What did I say?');
    // The prompt now holds the earlier turn (but not the earlier instructions).
    expect(second.usage?.input_tokens).toBe(
      countTokens(`user: Remember #blue\nassistant: ${first.output_text}\nuser: What did I say?`),
    );

    const messageId = first.output[0]?.id ?? '';
    const turns = (middle: ResponseInputItem[]): ResponseInputItem[] => [
      { role: 'user', content: 'Remember #blue' },
      ...middle,
      { role: 'user', content: 'and now?' },
    ];
    const referenced = await client.responses.create({
      model: 'm',
      input: turns([{ type: 'item_reference', id: messageId }]),
    });
    const spelledOut = await client.responses.create({
      model: 'm',
      input: turns([{ role: 'assistant', content: first.output_text }]),
    });
    expect(referenced.usage?.input_tokens).toBe(spelledOut.usage?.input_tokens);
  });

  it('is deterministic', async () => {
    const [a, b] = await Promise.all([
      client.responses.create({ model: 'm', input: QUESTION, tools }),
      client.responses.create({ model: 'm', input: QUESTION, tools }),
    ]);
    expect(a.id).toBe(b.id);
    expect(a.output).toEqual(b.output);
  });
});

describe('responses: streaming', () => {
  it('streams a text answer with the Responses event sequence', async () => {
    const stream = client.responses.stream({ model: 'm', input: QUESTION });
    const types: string[] = [];
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    const whole = await client.responses.create({ model: 'm', input: QUESTION });

    expect(types.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(types.slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(whole.output_text);
    expect(final.output_text).toBe(whole.output_text);
    expect(final.id).toBe(whole.id);
    expect(final.usage).toEqual(whole.usage);
  });

  it('streams function calls with argument deltas', async () => {
    const stream = client.responses.stream({ model: 'm', input: QUESTION, tools });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    const whole = await client.responses.create({ model: 'm', input: QUESTION, tools });
    expect(types.filter((type) => type === 'response.output_item.added')).toHaveLength(2);
    expect(types).toContain('response.function_call_arguments.delta');
    expect(types).toContain('response.function_call_arguments.done');
    expect(types.at(-1)).toBe('response.completed');
    // The stream helper adds parsed_arguments to function calls; the wire items are the same.
    const wireItems = final.output.map((item) => {
      const { parsed_arguments: _parsed, ...wire } = item as typeof item & {
        parsed_arguments?: unknown;
      };
      return wire;
    });
    expect(wireItems).toEqual(whole.output);
  });

  it('streams structured output that the SDK parses', async () => {
    const Verdict = z.object({
      city: z.string(),
      sentiment: z.enum(['positive', 'negative', 'neutral']),
    });
    const stream = client.responses.stream({
      model: 'm',
      input: QUESTION,
      text: { format: zodTextFormat(Verdict, 'verdict') },
    });
    const final = await stream.finalResponse();
    expect(final.output_parsed).toEqual({ city: 'Lisbon', sentiment: 'positive' });
  });

  it('streams raw events through create({ stream: true })', async () => {
    const stream = await client.responses.create({ model: 'm', input: 'hello', stream: true });
    const sequence: number[] = [];
    for await (const event of stream) sequence.push(event.sequence_number);
    expect(sequence).toEqual(sequence.map((_, index) => index));
  });
});
