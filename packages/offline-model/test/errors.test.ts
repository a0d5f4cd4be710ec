import { request as httpRequest } from 'node:http';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfflineModel, startOfflineModel } from '../src/index.ts';

let server: OfflineModel;
let client: OpenAI;

beforeAll(async () => {
  server = await startOfflineModel();
  client = new OpenAI({ baseURL: server.url, apiKey: 'offline', maxRetries: 0 });
});
afterAll(() => server.close());

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

/** Sends raw bytes, as a misbehaving client would. */
function rawPost(path: string, body: string | Buffer): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url.replace(/\/v1$/, '')}${path}`,
      { method: 'POST' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString()),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('errors through the OpenAI SDK', () => {
  it('raises BadRequestError with OpenAI error fields for an invalid chat request', async () => {
    const error = await caught(client.chat.completions.create({ model: 'm', messages: [] }));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const apiError = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toContain("'messages' must contain at least one message.");
    expect(apiError.param).toBe('messages');
    expect(apiError.type).toBe('invalid_request_error');
    expect(apiError.code).toBe('empty_array');
  });

  it('names the offending field deep inside the request', async () => {
    const error = await caught(
      client.chat.completions.create({
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }],
        tools: [{ type: 'function', function: { name: 'f' } }],
        tool_choice: { type: 'function', function: { name: 'g' } },
      }),
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toContain(
      "'tool_choice' names the function 'g', which is not among 'tools'.",
    );
  });

  it('raises BadRequestError for a Responses request without input', async () => {
    const error = await caught(client.responses.create({ model: 'm' } as never));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('input');
    expect((error as Error).message).toContain("Missing required parameter: 'input'");
  });

  it('raises BadRequestError for an unknown previous_response_id', async () => {
    const error = await caught(
      client.responses.create({ model: 'm', input: 'x', previous_response_id: 'resp_nope' }),
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).code).toBe(
      'previous_response_not_found',
    );
  });

  it('raises NotFoundError for unknown routes and models', async () => {
    const route = await caught(client.embeddings.create({ model: 'm', input: 'x' }));
    expect(route).toBeInstanceOf(OpenAI.NotFoundError);
    expect((route as Error).message).toContain('Invalid URL (POST /v1/embeddings)');
    const model = await caught(client.models.retrieve('gpt-9'));
    expect(model).toBeInstanceOf(OpenAI.NotFoundError);
    expect((model as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
  });

  it('answers 405 for a known path with the wrong method', async () => {
    const error = await caught(client.get('/chat/completions'));
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(405);
  });
});

describe('errors for malformed bodies', () => {
  it('answers 400 with the JSON parse error for malformed JSON', async () => {
    const { status, json } = await rawPost('/v1/chat/completions', '{"messages": [');
    expect(status).toBe(400);
    expect(json).toEqual({
      error: {
        message: expect.stringMatching(
          /^The request body is not valid JSON \(.+\)\. Send a JSON object/,
        ),
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_json',
      },
    });
  });

  it('answers 400 for an empty body and a body that is not an object', async () => {
    expect((await rawPost('/v1/responses', '')).status).toBe(400);
    const array = await rawPost('/v1/responses', '[1,2]');
    expect(array.status).toBe(400);
    expect(JSON.stringify(array.json)).toContain("'body' must be a JSON object, got an array");
  });

  it('answers 413 for a body over the 10 MB default limit, and keeps serving', async () => {
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    const { status, json } = await rawPost('/v1/chat/completions', huge);
    expect(status).toBe(413);
    expect(json).toMatchObject({
      error: { code: 'request_too_large', message: expect.stringContaining('10 MB') },
    });
    const ok = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'still there?' }],
    });
    expect(ok.choices[0]?.finish_reason).toBe('stop');
  });

  it('honours a custom body limit', async () => {
    const small = await startOfflineModel({ maxBodyBytes: 64 });
    try {
      const smallClient = new OpenAI({ baseURL: small.url, apiKey: 'offline', maxRetries: 0 });
      const error = await caught(
        smallClient.chat.completions.create({
          model: 'm',
          messages: [{ role: 'user', content: 'x'.repeat(100) }],
        }),
      );
      expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
    } finally {
      await small.close();
    }
  });
});
