import { createOpenAI } from '@ai-sdk/openai';
import { Agent } from '@mastra/core/agent';
import type { MastraModelConfig } from '@mastra/core/llm';
import { createTool } from '@mastra/core/tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type OfflineModel, startOfflineModel } from '../src/index.ts';

let server: OfflineModel;

beforeAll(async () => {
  server = await startOfflineModel();
});
afterAll(() => server.close());

const POST = 'Our new release is out and it is great! Setup is fast #launch #opensource';

const Analysis = z.object({
  sentiment: z.enum(['positive', 'negative', 'neutral']),
  hashtags: z.array(z.string()),
  words: z.number(),
  summary: z.string(),
});

function makeAgent(kind: 'chat' | 'responses') {
  const calls: string[] = [];
  const countWords = createTool({
    id: 'count-words',
    description: 'Counts the words of a text',
    inputSchema: z.object({ text: z.string() }),
    outputSchema: z.object({ words: z.number() }),
    execute: async ({ text }) => {
      calls.push(text);
      return { words: text.split(/\s+/).filter(Boolean).length };
    },
  });
  const openai = createOpenAI({ baseURL: server.url, apiKey: 'offline' });
  const agent = new Agent({
    id: `post-analyst-${kind}`,
    name: 'Post analyst',
    instructions: 'Analyse social media posts. Count the words with the tool first.',
    // @ai-sdk/openai's provider types are newer than the copy @mastra/core bundles; the runtime
    // contract is the same.
    model: (kind === 'chat'
      ? openai.chat('gpt-4o-mini')
      : openai('gpt-4o-mini')) as unknown as MastraModelConfig,
    tools: { countWords },
  });
  return { agent, calls };
}

/** What a Mastra agent sent to the model: the endpoint and the shape of each request. */
function sentRequests(since: number) {
  return server.requests.log
    .filter((entry) => entry.seq > since)
    .map((entry) => {
      const body = entry.body as Record<string, unknown>;
      return {
        path: entry.path,
        stream: entry.stream,
        hasTools: Array.isArray(body.tools) && body.tools.length > 0,
        format:
          (body.response_format as { type?: string } | undefined)?.type ??
          (body.text as { format?: { type?: string } } | undefined)?.format?.type,
      };
    });
}

describe.each(['chat', 'responses'] as const)(
  'a Mastra agent on the %s API, fully offline',
  (kind) => {
    const path = kind === 'chat' ? '/v1/chat/completions' : '/v1/responses';

    it('generate(): calls the tool, then returns an object that matches the schema', async () => {
      const { agent, calls } = makeAgent(kind);
      const before = server.requests.count;
      const result = await agent.generate(POST, { structuredOutput: { schema: Analysis } });

      expect(calls).toEqual([POST]);
      expect(Analysis.safeParse(result.object).success).toBe(true);
      expect(result.object).toMatchObject({
        sentiment: 'positive',
        hashtags: ['#launch', '#opensource'],
        words: POST.split(/\s+/).length,
      });
      // Mastra 1.x sends the schema as response_format / text.format together with the tools,
      // in both model calls: the first answers with the tool call, the second with the JSON.
      expect(sentRequests(before)).toEqual([
        { path, stream: false, hasTools: true, format: 'json_schema' },
        { path, stream: false, hasTools: true, format: 'json_schema' },
      ]);
    });

    it('stream(): calls the tool, then streams an object that matches the schema', async () => {
      const { agent, calls } = makeAgent(kind);
      const before = server.requests.count;
      const stream = await agent.stream(POST, { structuredOutput: { schema: Analysis } });
      const object = await stream.object;

      expect(calls).toEqual([POST]);
      expect(Analysis.safeParse(object).success).toBe(true);
      expect(object).toMatchObject({ sentiment: 'positive', hashtags: ['#launch', '#opensource'] });
      expect(sentRequests(before)).toEqual([
        { path, stream: true, hasTools: true, format: 'json_schema' },
        { path, stream: true, hasTools: true, format: 'json_schema' },
      ]);
    });

    it('answers in plain text without a schema', async () => {
      const { agent, calls } = makeAgent(kind);
      const result = await agent.generate('How many words are in "offline models are handy"?');
      expect(calls).toEqual(['How many words are in "offline models are handy"?']);
      expect(result.text).toContain('[offline model]');
      expect(result.text).toContain('- countWords: {"words":9}');
    });
  },
);
