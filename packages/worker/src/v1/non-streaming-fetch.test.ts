import { describe, expect, it } from 'vitest';
import { completionToChunks } from './completion-to-sse.ts';
import { nonStreamingFetch } from './non-streaming-fetch.ts';

const COMPLETION = {
  id: 'chatcmpl-1',
  created: 1,
  model: 'm',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call-1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
        ],
      },
      finish_reason: 'tool_calls',
    },
  ],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  prompt_token_ids: [1, 2, 3],
};

describe('completionToChunks', () => {
  it('replays the whole message, then the finish reason, usage and [DONE]', () => {
    const chunks = completionToChunks(COMPLETION, true);
    expect(chunks).toHaveLength(4);
    const [first, second, usage] = chunks.slice(0, 3).map((chunk) => JSON.parse(chunk));
    expect(first.choices[0].delta.tool_calls[0]).toMatchObject({
      index: 0,
      id: 'call-1',
      function: { name: 'f' },
    });
    expect(second.choices[0].finish_reason).toBe('tool_calls');
    expect(usage.usage.total_tokens).toBe(5);
    expect(chunks.at(-1)).toBe('[DONE]');
  });

  it('leaves the usage chunk out unless asked', () => {
    expect(completionToChunks(COMPLETION, false)).toHaveLength(3);
  });
});

describe('nonStreamingFetch', () => {
  it('sends streamed requests as non-streaming and answers with an event stream', async () => {
    const sent: unknown[] = [];
    const fetch = nonStreamingFetch(async (_input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return Response.json(COMPLETION);
    });
    const response = await fetch('http://gateway/chat/completions', {
      method: 'POST',
      body: JSON.stringify({ messages: [], stream: true, stream_options: { include_usage: true } }),
    });
    expect(sent).toEqual([{ messages: [], stream: false }]);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    expect(text.split('\n\n').filter(Boolean)).toHaveLength(4);
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('passes other requests and failed answers through unchanged', async () => {
    const fetch = nonStreamingFetch(async (_input, init) =>
      String(init?.body).includes('"stream":false')
        ? new Response('no', { status: 503 })
        : Response.json({ ok: 1 }),
    );
    expect(
      await (await fetch('http://x', { method: 'POST', body: '{"stream":false}' })).text(),
    ).toBe('no');
    expect(
      await (await fetch('http://x', { method: 'POST', body: '{"messages":[]}' })).json(),
    ).toEqual({ ok: 1 });
    expect((await fetch('http://x', { method: 'POST', body: '{"stream":true}' })).status).toBe(503);
  });
});
