import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type OfflineModel, startOfflineModel } from '../src/index.ts';

let server: OfflineModel;
let client: OpenAI;

beforeAll(async () => {
  server = await startOfflineModel();
  client = new OpenAI({ baseURL: server.url, apiKey: 'offline', maxRetries: 0 });
});
afterAll(() => server.close());

const POST =
  'Just shipped the new dashboard! Loving how fast it is now #launch #dataviz, 3 weeks of work';

const tools: ChatCompletionFunctionTool[] = [
  {
    type: 'function',
    function: {
      name: 'analyze_post',
      description: 'Analyses a social media post',
      parameters: {
        type: 'object',
        properties: {
          text: { type: 'string' },
          maxHashtags: { type: 'integer', minimum: 1, maximum: 10 },
        },
        required: ['text', 'maxHashtags'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'lookup_audience',
      parameters: {
        type: 'object',
        properties: { platform: { type: 'string', enum: ['x', 'linkedin', 'mastodon'] } },
        required: ['platform'],
      },
    },
  },
];

const analysisSchema = {
  type: 'object',
  properties: {
    sentiment: { type: 'string', enum: ['positive', 'negative', 'neutral'] },
    hashtags: { type: 'array', items: { type: 'string' }, maxItems: 5 },
    score: { type: 'number', minimum: 0, maximum: 10 },
    summary: { type: 'string', maxLength: 200 },
    audience: { type: ['string', 'null'] },
  },
  required: ['sentiment', 'hashtags', 'score', 'summary', 'audience'],
  additionalProperties: false,
};

const firstTurn: ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You analyse posts.' },
  { role: 'user', content: POST },
];

describe('chat completions: tool calls, then structured output', () => {
  it('answers a request offering tools with one schema-valid call per tool', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: firstTurn,
      tools,
    });
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    const calls = choice?.message.tool_calls ?? [];
    expect(calls.map((call) => call.type === 'function' && call.function.name)).toEqual([
      'analyze_post',
      'lookup_audience',
    ]);
    for (const [index, call] of calls.entries()) {
      if (call.type !== 'function') throw new Error('expected a function call');
      expect(call.id).toMatch(/^call_[0-9a-f]{24}$/);
      const schema = z.fromJSONSchema(tools[index]?.function.parameters as never);
      expect(schema.safeParse(JSON.parse(call.function.arguments)).success).toBe(true);
    }
    const first = calls[0];
    if (first?.type !== 'function') throw new Error('expected a function call');
    // "text" takes the user's text; a number named after hashtags counts the hashtags in it.
    expect(JSON.parse(first.function.arguments)).toEqual({ text: POST, maxHashtags: 2 });
    expect(completion.model).toBe('gpt-4o-mini');
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
  });

  it('answers the second turn with JSON that matches the response schema', async () => {
    const first = await client.chat.completions.create({ model: 'm', messages: firstTurn, tools });
    const calls = first.choices[0]?.message.tool_calls ?? [];
    const messages: ChatCompletionMessageParam[] = [
      ...firstTurn,
      { role: 'assistant', content: null, tool_calls: calls },
      { role: 'tool', tool_call_id: calls[0]?.id ?? '', content: JSON.stringify({ score: 8.5 }) },
      {
        role: 'tool',
        tool_call_id: calls[1]?.id ?? '',
        content: JSON.stringify({ audience: 'developers' }),
      },
    ];
    const completion = await client.chat.completions.create({
      model: 'm',
      messages,
      tools,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'analysis', schema: analysisSchema, strict: true },
      },
    });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const value = JSON.parse(completion.choices[0]?.message.content ?? '');
    expect(z.fromJSONSchema(analysisSchema as never).safeParse(value).success).toBe(true);
    expect(value).toMatchObject({
      sentiment: 'positive',
      hashtags: ['#launch', '#dataviz'],
      score: 8.5,
      audience: 'developers',
    });
  });

  it('parses structured output through the SDK helper', async () => {
    const Analysis = z.object({
      sentiment: z.enum(['positive', 'negative', 'neutral']),
      keywords: z.array(z.string()),
    });
    const completion = await client.chat.completions.parse({
      model: 'm',
      messages: [{ role: 'user', content: 'This release is slow and buggy, I hate it' }],
      response_format: zodResponseFormat(Analysis, 'analysis'),
    });
    expect(completion.choices[0]?.message.parsed).toEqual({
      sentiment: 'negative',
      keywords: expect.arrayContaining(['release', 'slow', 'buggy']),
    });
  });

  it('answers json_object and plain text requests', async () => {
    const json = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: POST }],
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(json.choices[0]?.message.content ?? '')).toMatchObject({
      sentiment: 'positive',
    });
    const text = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: POST }],
    });
    expect(text.choices[0]?.message.content).toContain('#launch #dataviz');
  });

  it('honours tool_choice and parallel_tool_calls', async () => {
    const none = await client.chat.completions.create({
      model: 'm',
      messages: firstTurn,
      tools,
      tool_choice: 'none',
    });
    expect(none.choices[0]?.message.tool_calls).toBeUndefined();
    const named = await client.chat.completions.create({
      model: 'm',
      messages: firstTurn,
      tools,
      tool_choice: { type: 'function', function: { name: 'lookup_audience' } },
    });
    expect(named.choices[0]?.message.tool_calls).toHaveLength(1);
    const single = await client.chat.completions.create({
      model: 'm',
      messages: firstTurn,
      tools,
      parallel_tool_calls: false,
    });
    expect(single.choices[0]?.message.tool_calls).toHaveLength(1);
  });

  it('is deterministic: the same request gets the same id and content', async () => {
    const request = { model: 'm', messages: firstTurn, tools };
    const [a, b] = await Promise.all([
      client.chat.completions.create(request),
      client.chat.completions.create(request),
    ]);
    expect(a.id).toBe(b.id);
    expect(a.choices).toEqual(b.choices);
  });
});

describe('chat completions: streaming', () => {
  it('streams text with a final usage chunk that matches the non-streamed answer', async () => {
    const request = { model: 'm', messages: [{ role: 'user' as const, content: POST }] };
    const whole = await client.chat.completions.create(request);
    const stream = await client.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(4);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(whole.choices[0]?.message.content);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual(whole.usage);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(new Set(chunks.map((chunk) => chunk.id))).toEqual(new Set([whole.id]));
  });

  it('streams tool calls that the SDK reassembles', async () => {
    const stream = client.chat.completions.stream({ model: 'm', messages: firstTurn, tools });
    const final = await stream.finalChatCompletion();
    const whole = await client.chat.completions.create({ model: 'm', messages: firstTurn, tools });
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    expect(final.choices[0]?.message.tool_calls).toEqual(whole.choices[0]?.message.tool_calls);
  });

  it('streams structured output that parses', async () => {
    const Summary = z.object({ title: z.string(), hashtags: z.array(z.string()) });
    const stream = client.chat.completions.stream({
      model: 'm',
      messages: [{ role: 'user', content: POST }],
      response_format: zodResponseFormat(Summary, 'summary'),
    });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.message.parsed).toEqual({
      title: expect.any(String),
      hashtags: ['#launch', '#dataviz'],
    });
  });
});

describe('chat completions: vLLM token ids and logprobs', () => {
  type WithTokenIds = { prompt_token_ids?: number[]; choices: Array<{ token_ids?: number[] }> };

  it('returns prompt and completion token ids whose counts match the usage', async () => {
    const body = { model: 'm', messages: firstTurn, return_token_ids: true } as const;
    const completion = (await client.chat.completions.create(
      body as never,
    )) as unknown as OpenAI.ChatCompletion & WithTokenIds;
    expect(completion.prompt_token_ids).toHaveLength(completion.usage?.prompt_tokens ?? -1);
    expect(completion.choices[0]?.token_ids).toHaveLength(
      completion.usage?.completion_tokens ?? -1,
    );
    expect(completion.prompt_token_ids?.every(Number.isInteger)).toBe(true);

    const stream = await client.chat.completions.create({
      ...(body as object),
      stream: true,
    } as never);
    const chunks: WithTokenIds[] = [];
    for await (const chunk of stream as unknown as AsyncIterable<WithTokenIds>) chunks.push(chunk);
    expect(chunks[0]?.prompt_token_ids).toEqual(completion.prompt_token_ids);
    expect(chunks.flatMap((chunk) => chunk.choices[0]?.token_ids ?? [])).toEqual(
      completion.choices[0]?.token_ids,
    );
  });

  it('returns certain logprobs for every token when asked', async () => {
    const completion = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      logprobs: true,
    });
    const content = completion.choices[0]?.logprobs?.content ?? [];
    expect(content).toHaveLength(completion.usage?.completion_tokens ?? -1);
    expect(content.every((entry) => entry.logprob === 0)).toBe(true);
  });
});
