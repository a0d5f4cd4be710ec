import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  rolloutId: string | null;
  attemptId: string | null;
  /** The path after the rollout/attempt prefix, e.g. `/v1/chat/completions`. */
  path: string;
  body: Record<string, unknown> | null;
}

export interface LlmProxy {
  /** Base URL to publish as a `proxy_llm` endpoint (ends in `/v1`). */
  url: string;
  requests: ProxiedRequest[];
  /** Resolves at the first request `match` accepts. */
  waitFor(match: (request: ProxiedRequest) => boolean): Promise<ProxiedRequest>;
  close(): Promise<void>;
}

const SCOPED = /^\/rollout\/([^/]+)\/attempt\/([^/]+)(\/.*)$/;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A stand-in for AGL's LLM proxy on loopback: takes `/rollout/{rid}/attempt/{aid}/v1/...`
 * requests, records which rollout and attempt each came from, waits `delayMs`, and forwards them
 * to an OpenAI-compatible server (the offline model).
 */
export async function startLlmProxy(upstreamUrl: string, delayMs = 0): Promise<LlmProxy> {
  const upstream = upstreamUrl.replace(/\/v1\/?$/, '');
  const requests: ProxiedRequest[] = [];
  const waiters: Array<{
    match: (r: ProxiedRequest) => boolean;
    resolve: (r: ProxiedRequest) => void;
  }> = [];
  const server = createServer(async (request, response) => {
    try {
      const raw = await readBody(request);
      const scoped = SCOPED.exec(request.url ?? '');
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(raw.toString()) as Record<string, unknown>;
      } catch {}
      const entry: ProxiedRequest = {
        rolloutId: scoped?.[1] ?? null,
        attemptId: scoped?.[2] ?? null,
        path: scoped?.[3] ?? request.url ?? '',
        body,
      };
      requests.push(entry);
      for (const waiter of waiters.filter((w) => w.match(entry))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const answer = await fetch(`${upstream}${entry.path}`, {
        method: request.method ?? 'POST',
        headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
        ...(raw.length === 0 ? {} : { body: raw }),
      });
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch {
      // The caller went away (a killed worker): nothing to answer.
      response.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    waitFor: (match) => {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
