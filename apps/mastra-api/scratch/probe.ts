import { Mastra } from '@mastra/core';
import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { MockLanguageModelV3 } from 'ai/test';
import { z } from 'zod';

let call = 0;
const calls: unknown[] = [];
function respond(opts: any) {
  call++;
  calls.push({
    call,
    tools: opts.tools?.map((t: any) => t.name),
    responseFormat: opts.responseFormat?.type,
    prompt: JSON.stringify(opts.prompt).slice(0, 300),
  });
  const hasToolResult = opts.prompt.some((m: any) => m.role === 'tool');
  if (opts.tools?.length && !hasToolResult) {
    return {
      content: [
        {
          type: 'tool-call',
          toolCallId: 'c1',
          toolName: opts.tools[0].name,
          input: JSON.stringify({ text: 'hi #x' }),
        },
        {
          type: 'tool-call',
          toolCallId: 'c2',
          toolName: 'agent-replyWriter',
          input: JSON.stringify({ prompt: 'write reply' }),
        },
      ],
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      usage: {
        inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: 1, text: 1, reasoning: 0 },
      },
      warnings: [],
    };
  }
  const text =
    opts.responseFormat?.type === 'json'
      ? JSON.stringify({ sentiment: 'positive', n: 1 })
      : 'A reply!';
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 1, text: 1, reasoning: 0 },
    },
    warnings: [],
  };
}
function toStream(r: any) {
  const parts: any[] = [{ type: 'stream-start', warnings: [] }];
  for (const c of r.content) {
    if (c.type === 'text') {
      parts.push(
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: c.text },
        { type: 'text-end', id: 't' },
      );
    } else parts.push(c);
  }
  parts.push({ type: 'finish', finishReason: r.finishReason, usage: r.usage });
  return {
    stream: new ReadableStream({
      start(c) {
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    }),
  };
}
const model = new MockLanguageModelV3({
  doGenerate: async (o) => {
    console.log('doGenerate');
    return respond(o) as any;
  },
  doStream: async (o) => {
    console.log('doStream');
    return toStream(respond(o)) as any;
  },
});
const tool = createTool({
  id: 'extractHashtags',
  description: 'x',
  inputSchema: z.object({ text: z.string() }),
  outputSchema: z.object({ tags: z.array(z.string()) }),
  execute: async ({ text }) => ({ tags: text.match(/#\w+/g) ?? [] }),
});
const replyWriter = new Agent({
  id: 'replyWriter',
  name: 'replyWriter',
  description: 'Writes replies',
  instructions: 'write replies',
  model,
});
const agent = new Agent({
  id: 'postAnalyzer',
  name: 'postAnalyzer',
  instructions: 'analyze',
  model,
  tools: { extractHashtags: tool },
  agents: { replyWriter },
});
const mastra = new Mastra({ agents: { postAnalyzer: agent, replyWriter }, logger: false });
const a = mastra.getAgent('postAnalyzer');
const res = await a.generate('hello', {
  structuredOutput: { schema: z.object({ sentiment: z.string(), n: z.number() }) },
  maxSteps: 5,
  tracingOptions: { metadata: { postId: 'p1' } },
});
console.log(
  JSON.stringify(
    {
      object: res.object,
      runId: res.runId,
      traceId: res.traceId,
      text: res.text,
      finish: res.finishReason,
      error: (res as any).error,
      toolResults: res.toolResults?.map((t: any) => t.payload),
    },
    null,
    1,
  ),
);
console.log(JSON.stringify(calls, null, 1));
