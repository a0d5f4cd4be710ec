import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerChatCompletion } from './chat-completions.ts';
import type { EndpointResult } from './endpoint-result.ts';
import { ResponseHistoryStore } from './response-history.ts';
import { answerResponses } from './responses.ts';

const context = { defaultModel: 'agl-offline-1', now: () => 1_700_000_000 };
const chat = (body: unknown) => answerChatCompletion(body, context);
const responses = (body: unknown, history = new ResponseHistoryStore()) =>
  answerResponses(body, { ...context, history });
const json = (result: EndpointResult) => {
  if (result.kind !== 'json') throw new Error('expected a JSON result');
  return result;
};

describe('answerChatCompletion', () => {
  it('answers with a deterministic completion', () => {
    const body = { messages: [{ role: 'user', content: 'hello' }] };
    const first = json(chat(body));
    expect(first.status).toBe(200);
    expect(first.body).toEqual(json(chat(body)).body);
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-[0-9a-f]{29}$/),
      model: 'agl-offline-1',
      created: 1_700_000_000,
    });
    expect(json(chat({ ...body, model: 'gpt-4o-mini' })).body).toMatchObject({
      model: 'gpt-4o-mini',
    });
  });

  it('streams chunks ending in [DONE]', () => {
    const result = chat({ messages: [{ role: 'user', content: 'hello' }], stream: true });
    expect(result.kind).toBe('sse');
    if (result.kind !== 'sse') return;
    expect(result.events.at(-1)).toEqual({ data: '[DONE]' });
    expect(result.events.every((event) => event.event === undefined)).toBe(true);
  });

  it('answers bad requests with a 400 in the OpenAI error shape', () => {
    const result = json(chat({}));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      error: {
        message: expect.stringContaining("Missing required parameter: 'messages'"),
        type: 'invalid_request_error',
        param: 'messages',
        code: 'missing_required_parameter',
      },
    });
  });
});

describe('answerResponses', () => {
  it('answers, remembers the response, and continues from it', () => {
    const history = new ResponseHistoryStore();
    const first = json(responses({ input: 'hello #one' }, history));
    const id = (first.body as { id: string }).id;
    expect(id).toMatch(/^resp_[0-9a-f]{48}$/);
    expect(history.conversation(id)?.map((item) => item.role)).toEqual(['user', 'assistant']);
    const next = json(responses({ input: 'and then?', previous_response_id: id }, history));
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ previous_response_id: id });
  });

  it('streams named events', () => {
    const result = responses({ input: 'hi', stream: true });
    if (result.kind !== 'sse') throw new Error('expected events');
    expect(result.events[0]?.event).toBe('response.created');
    expect(result.events.at(-1)?.event).toBe('response.completed');
    for (const event of result.events) expect(JSON.parse(event.data).type).toBe(event.event);
  });
});

/** Bodies close to valid requests, with random junk in every field. */
const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined));
const nearChatBody = fc.record(
  {
    model: junk,
    messages: fc.oneof(
      junk,
      fc.array(
        fc.record(
          {
            role: fc.oneof(
              fc.constantFrom('system', 'user', 'assistant', 'tool', 'developer', 'function'),
              junk,
            ),
            content: fc.oneof(
              fc.string(),
              junk,
              fc.array(fc.record({ type: fc.constant('text'), text: junk })),
            ),
            tool_call_id: junk,
            tool_calls: fc.oneof(
              junk,
              fc.array(
                fc.record({ id: junk, function: fc.record({ name: junk, arguments: junk }) }),
              ),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
    ),
    tools: fc.oneof(
      junk,
      fc.array(
        fc.record({
          type: fc.constant('function'),
          function: fc.record({ name: fc.string(), parameters: junk }),
        }),
      ),
    ),
    tool_choice: junk,
    response_format: fc.oneof(
      junk,
      fc.record({ type: fc.constant('json_schema'), json_schema: fc.record({ schema: junk }) }),
    ),
    stream: fc.oneof(fc.boolean(), junk),
    stream_options: junk,
    return_token_ids: fc.oneof(fc.boolean(), junk),
    logprobs: fc.oneof(fc.boolean(), junk),
  },
  { requiredKeys: [] },
);
const nearResponsesBody = fc.record(
  {
    input: fc.oneof(
      fc.string(),
      junk,
      fc.array(
        fc.oneof(
          fc.record({
            role: fc.oneof(fc.constantFrom('user', 'assistant', 'system'), junk),
            content: junk,
          }),
          fc.record({
            type: fc.constantFrom(
              'function_call',
              'function_call_output',
              'item_reference',
              'reasoning',
            ),
            call_id: junk,
            name: junk,
            arguments: junk,
            output: junk,
            id: junk,
          }),
          junk,
        ),
        { maxLength: 5 },
      ),
    ),
    instructions: junk,
    tools: fc.oneof(
      junk,
      fc.array(fc.record({ type: fc.constant('function'), name: fc.string(), parameters: junk })),
    ),
    text: fc.oneof(
      junk,
      fc.record({
        format: fc.record({
          type: fc.constantFrom('json_schema', 'json_object', 'text'),
          schema: junk,
        }),
      }),
    ),
    previous_response_id: junk,
    stream: fc.oneof(fc.boolean(), junk),
  },
  { requiredKeys: [] },
);

describe('endpoints never fail on any input (property)', () => {
  const wellFormed = (result: EndpointResult) => {
    if (result.kind === 'sse') {
      for (const event of result.events) if (event.data !== '[DONE]') JSON.parse(event.data);
      return;
    }
    expect([200, 400]).toContain(result.status);
    if (result.status !== 200) {
      expect(result.body).toMatchObject({
        error: { message: expect.any(String), type: 'invalid_request_error' },
      });
    }
  };

  it('chat completions: arbitrary JSON and near-valid bodies get a 200 or a 400', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearChatBody), (body) => wellFormed(chat(body))),
      { numRuns: 500 },
    );
  });

  it('responses: arbitrary JSON and near-valid bodies get a 200 or a 400', () => {
    const history = new ResponseHistoryStore(50);
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearResponsesBody), (body) =>
        wellFormed(responses(body, history)),
      ),
      { numRuns: 500 },
    );
  });
});
