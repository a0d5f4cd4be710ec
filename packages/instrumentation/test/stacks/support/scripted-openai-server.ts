import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat completion request as the server received it. */
export interface ServedCall {
  id: string;
  stream: boolean;
  body: {
    model: string;
    messages: Array<Record<string, unknown>>;
    tools?: Array<Record<string, unknown>>;
    stream?: boolean;
  };
  /** The assistant message the server answered with (streamed as deltas when `stream`). */
  reply: Record<string, unknown>;
}

export interface ScriptedOpenAiServer {
  /** Base URL ending in `/v1`, for an OpenAI-compatible client. */
  url: string;
  calls: ServedCall[];
  close(): Promise<void>;
}

/** The cities the script asks about, one tool call per turn, then the answer. */
export const SCRIPT_CITIES = ['Paris', 'Berlin'] as const;
export const FINAL_ANSWER = 'Paris is sunny and Berlin is rainy.';

/**
 * An OpenAI-compatible chat completions server on loopback that plays one script per
 * conversation: with k tool results in the prompt it calls `weather` for city k, and once every
 * city is answered it replies with text. Three calls per run: tool call, tool call, text.
 * Streamed (`stream: true`, SSE) and plain responses both; every request is recorded.
 */
export async function startScriptedOpenAiServer(): Promise<ScriptedOpenAiServer> {
  const calls: ServedCall[] = [];
  const server = createServer((request, response) => {
    handle(request, response, calls).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  calls: ServedCall[],
): Promise<void> {
  if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ServedCall['body'];
  const id = `chatcmpl-scripted-${calls.length + 1}`;
  const stream = body.stream === true;

  const answered = body.messages.filter((message) => message.role === 'tool').length;
  const city = SCRIPT_CITIES[answered];
  const toolCall =
    city === undefined || (body.tools ?? []).length === 0
      ? undefined
      : {
          id: `call_${answered + 1}`,
          type: 'function',
          function: { name: 'weather', arguments: JSON.stringify({ city }) },
        };
  const usage = { prompt_tokens: 20 + answered, completion_tokens: 5, total_tokens: 25 + answered };
  const created = Math.floor(Date.now() / 1000);
  const finishReason = toolCall ? 'tool_calls' : 'stop';
  const message = toolCall
    ? { role: 'assistant', content: null, tool_calls: [toolCall] }
    : { role: 'assistant', content: FINAL_ANSWER };
  calls.push({ id, stream, body, reply: message });
  if (!stream) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created,
        model: body.model,
        choices: [{ index: 0, message, finish_reason: finishReason }],
        usage,
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (delta: Record<string, unknown>, finish: string | null, extra = {}) =>
    response.write(
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model: body.model,
        choices: [{ index: 0, delta, finish_reason: finish }],
        ...extra,
      })}\n\n`,
    );
  send({ role: 'assistant', content: '' }, null);
  if (toolCall) {
    send({ tool_calls: [{ index: 0, ...toolCall }] }, null);
  } else {
    const middle = FINAL_ANSWER.indexOf(' and ');
    send({ content: FINAL_ANSWER.slice(0, middle) }, null);
    send({ content: FINAL_ANSWER.slice(middle) }, null);
  }
  send({}, finishReason, { usage });
  response.end('data: [DONE]\n\n');
}
