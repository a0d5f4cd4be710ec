import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { withModelCallSpans } from '../src/model-call-spans.ts';
import { exporter, provider, tracer } from './support/model-call-tracing.ts';

beforeEach(() => exporter.reset());
afterAll(() => provider.shutdown());

describe('modelCallSpansMiddleware against an OpenAI-compatible server returning token ids', () => {
  /** Adds vLLM's `return_token_ids` to each request body, as AGL's LLM proxy does. */
  const withTokenIds: typeof fetch = (input, init) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    return fetch(
      input,
      body ? { ...init, body: JSON.stringify({ ...body, return_token_ids: true }) } : init,
    );
  };

  async function offlineChatModel() {
    const [{ startOfflineModel }, { createOpenAI }] = await Promise.all([
      import('@agl/offline-model'),
      import('@ai-sdk/openai'),
    ]);
    const server = await startOfflineModel();
    const openai = createOpenAI({ baseURL: server.url, apiKey: 'offline', fetch: withTokenIds });
    return { server, model: withModelCallSpans(openai.chat(server.model), { tracer }) };
  }

  it('reads token ids from the response body (generate) and the raw chunks (stream)', async () => {
    const { server, model } = await offlineChatModel();
    try {
      const { generateText, streamText } = await import('ai');
      const generated = await generateText({ model, prompt: 'Say something about the sea.' });
      const streamed = streamText({ model, prompt: 'Say something about the sea.' });
      expect(await streamed.text).toBe(generated.text);
      const calls = exporter
        .getFinishedSpans()
        .filter((span) => span.attributes['gen_ai.operation.name'] === 'chat');
      expect(calls).toHaveLength(2);
      const [fromGenerate, fromStream] = calls as [ReadableSpan, ReadableSpan];
      const promptIds = fromGenerate.attributes.prompt_token_ids as number[];
      const responseIds = fromGenerate.attributes.response_token_ids as number[];
      expect(promptIds.length).toBeGreaterThan(0);
      expect(responseIds.length).toBeGreaterThan(0);
      expect(fromStream.attributes.prompt_token_ids).toEqual(promptIds);
      expect(fromStream.attributes.response_token_ids).toEqual(responseIds);
      expect(String(fromGenerate.attributes['gen_ai.response.id'])).toMatch(/^chatcmpl-/);
    } finally {
      await server.close();
    }
  });
});
