import fc from 'fast-check';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, type OfflineModel, startOfflineModel } from '../src/index.ts';

let server: OfflineModel;
let client: OpenAI;

beforeAll(async () => {
  server = await startOfflineModel();
  client = new OpenAI({ baseURL: server.url, apiKey: 'offline', maxRetries: 0 });
});
afterAll(() => server.close());

const origin = () => server.url.replace(/\/v1$/, '');

describe('startOfflineModel', () => {
  it('listens on loopback with a /v1 base URL and says what it is', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.model).toBe(DEFAULT_MODEL);
    expect(server.banner).toContain('deterministic, not a language model');
    expect(server.banner).toContain(server.url);
  });

  it('serves /health', async () => {
    const response = await fetch(`${origin()}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      model: DEFAULT_MODEL,
      deterministic: true,
    });
  });

  it('lists and retrieves its model through the SDK', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models).toEqual([
      { id: DEFAULT_MODEL, object: 'model', created: expect.any(Number), owned_by: 'agl-offline' },
    ]);
    expect((await client.models.retrieve(DEFAULT_MODEL)).id).toBe(DEFAULT_MODEL);
  });

  it('uses a custom model id and rejects bad options', async () => {
    const custom = await startOfflineModel({ model: 'my-offline' });
    try {
      const completion = await new OpenAI({
        baseURL: custom.url,
        apiKey: 'x',
      }).chat.completions.create({
        messages: [{ role: 'user', content: 'hi' }],
      } as never);
      expect(completion.model).toBe('my-offline');
    } finally {
      await custom.close();
    }
    await expect(startOfflineModel({ port: 70_000 })).rejects.toThrow(/Invalid port 70000/);
    await expect(startOfflineModel({ port: 1.5 })).rejects.toThrow(/Invalid port/);
    await expect(startOfflineModel({ model: ' ' })).rejects.toThrow(/must not be empty/);
  });

  it('explains a port that is already taken', async () => {
    await expect(startOfflineModel({ port: server.port })).rejects.toThrow(
      new RegExp(`Port ${server.port} on 127.0.0.1 is already in use`),
    );
  });

  it('closes idempotently and frees its port', async () => {
    const temporary = await startOfflineModel();
    await fetch(`${temporary.url}/models`);
    await Promise.all([temporary.close(), temporary.close()]);
    await temporary.close();
    await expect(fetch(`${temporary.url}/models`)).rejects.toThrow();
    const again = await startOfflineModel({ port: temporary.port });
    await again.close();
  });
});

describe('request log', () => {
  it('counts requests and keeps their method, path, status and parsed body', async () => {
    const own = await startOfflineModel({ logLimit: 2 });
    try {
      const ownClient = new OpenAI({ baseURL: own.url, apiKey: 'offline', maxRetries: 0 });
      await ownClient.chat.completions.create({
        model: 'm',
        messages: [{ role: 'user', content: 'one' }],
      });
      await ownClient.responses
        .create({ model: 'm', input: 'two', stream: true })
        .then(async (stream) => {
          for await (const _event of stream);
        });
      await fetch(`${own.url}/nothing-here`);
      expect(own.requests.count).toBe(3);
      expect(
        own.requests.log.map((entry) => [
          entry.seq,
          entry.method,
          entry.path,
          entry.status,
          entry.stream,
        ]),
      ).toEqual([
        [2, 'POST', '/v1/responses', 200, true],
        [3, 'GET', '/v1/nothing-here', 404, false],
      ]);
      expect(own.requests.last('/v1/responses')?.body).toMatchObject({
        model: 'm',
        input: 'two',
        stream: true,
      });
      expect(own.requests.last('/v1/chat/completions')).toBeUndefined();
      own.requests.clear();
      expect(own.requests.count).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('concurrency and robustness', () => {
  it('answers many concurrent requests, each exactly as it would alone', async () => {
    const ask = (i: number) =>
      client.chat.completions.create({
        model: 'm',
        messages: [{ role: 'user', content: `request number ${i % 5} #tag${i % 5}` }],
      });
    const stream = async (i: number) => {
      const events = await client.responses.create({
        model: 'm',
        input: `stream ${i % 3}`,
        stream: true,
      });
      let text = '';
      for await (const event of events)
        if (event.type === 'response.output_text.delta') text += event.delta;
      return text;
    };
    const [answers, streamed] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, (_, i) => ask(i))),
      Promise.all(Array.from({ length: 15 }, (_, i) => stream(i))),
    ]);
    for (const [i, answer] of answers.entries()) {
      expect(answer.choices[0]?.message.content).toBe(answers[i % 5]?.choices[0]?.message.content);
      expect(answer.choices[0]?.message.content).toContain(`#tag${i % 5}`);
    }
    for (const [i, text] of streamed.entries()) expect(text).toBe(streamed[i % 3]);
  });

  it('answers arbitrary JSON bodies with 200 or an OpenAI-shaped 400, and stays healthy', async () => {
    const bodies = fc.sample(
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record({ messages: fc.jsonValue({ maxDepth: 3 }), stream: fc.boolean() }),
        fc.record({ input: fc.jsonValue({ maxDepth: 3 }), stream: fc.boolean() }),
      ),
      { numRuns: 120, seed: 42 },
    );
    for (const [index, body] of bodies.entries()) {
      const path = index % 2 === 0 ? '/v1/chat/completions' : '/v1/responses';
      const response = await fetch(`${origin()}${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      const text = await response.text();
      expect([200, 400]).toContain(response.status);
      if (response.status === 400) {
        expect(JSON.parse(text)).toMatchObject({
          error: { message: expect.any(String), type: 'invalid_request_error' },
        });
      }
    }
    expect((await fetch(`${origin()}/health`)).status).toBe(200);
  });

  it('survives clients that disconnect in the middle of a stream', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({
        messages: [{ role: 'user', content: 'long '.repeat(2_000) }],
        stream: true,
      }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    expect((await fetch(`${origin()}/health`)).status).toBe(200);
  });
});
