import { createServer } from 'node:http';
import { createOpenAI } from '@ai-sdk/openai';
import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import { MockLanguageModelV3 } from 'ai/test';
import { z } from 'zod';

const server = createServer((req, res) => {
  let b = '';
  req.on('data', (c) => (b += c));
  req.on('end', () => {
    const mode = (globalThis as any).mode;
    if (mode === '401') {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            message: 'Incorrect API key provided',
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        }),
      );
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'x',
          object: 'chat.completion',
          created: 1,
          model: 'm',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: 'not json at all' },
              finish_reason: 'stop',
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    }
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
const schema = z.object({ a: z.string() });
for (const mode of ['401', 'badjson', 'refused', 'throw']) {
  (globalThis as any).mode = mode;
  const model =
    mode === 'throw'
      ? new MockLanguageModelV3({
          doGenerate: async () => {
            throw new Error('boom');
          },
          doStream: async () => {
            throw new Error('boom');
          },
        })
      : createOpenAI({
          baseURL: mode === 'refused' ? 'http://127.0.0.1:1/v1' : `http://127.0.0.1:${port}/v1`,
          apiKey: 'k',
        }).chat('m');
  const agent = new Agent({ id: 'a', name: 'a', instructions: 'x', model });
  const mastra = new Mastra({ agents: { a: agent }, logger: false });
  try {
    const res = await mastra
      .getAgent('a')
      .generate('hi', { structuredOutput: { schema }, maxRetries: 0 } as any);
    console.log(
      mode,
      'RESOLVED',
      JSON.stringify({
        object: res.object,
        finish: res.finishReason,
        error: String((res as any).error),
        text: res.text,
      }),
    );
  } catch (e: any) {
    console.log(
      mode,
      'THREW',
      e?.constructor?.name,
      e?.message,
      '| id',
      e?.id,
      '| cause',
      e?.cause?.constructor?.name,
      e?.cause?.message,
      e?.cause?.statusCode,
    );
  }
}
server.close();
