import { createServer } from 'node:http';
import { createOpenAI } from '@ai-sdk/openai';
import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { z } from 'zod';

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    console.log('REQ', req.method, req.url, body);
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'probe', type: 'invalid_request_error', param: null, code: null } }));
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const port = (server.address() as { port: number }).port;
const openai = createOpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'offline' });
const tool = createTool({
  id: 'count-words',
  description: 'Counts words',
  inputSchema: z.object({ text: z.string() }),
  outputSchema: z.object({ words: z.number() }),
  execute: async ({ text }) => ({ words: text.split(/\s+/).length }),
});
const schema = z.object({ sentiment: z.enum(['positive', 'negative', 'neutral']), hashtags: z.array(z.string()), words: z.number() });
for (const model of [openai.chat('gpt-x'), openai('gpt-x')]) {
  const agent = new Agent({ id: 'a', name: 'a', instructions: 'Be helpful', model, tools: { countWords: tool } });
  try {
    await agent.generate('I love this #launch it is great', { structuredOutput: { schema } });
  } catch (e) { console.log('ERR', (e as Error).message); }
  try {
    const s = await agent.stream('I love this #launch it is great', { structuredOutput: { schema } });
    await s.consumeStream?.();
    console.log('stream object', await s.object);
  } catch (e) { console.log('ERR stream', (e as Error).message); }
}
server.close();
