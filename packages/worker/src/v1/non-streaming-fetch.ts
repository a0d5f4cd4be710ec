import { chunksToEventStream, completionToChunks } from './completion-to-sse.ts';

type Fetch = typeof globalThis.fetch;

/**
 * A fetch for an agent's OpenAI client that never asks for a stream: a request with
 * `stream: true` is sent with `stream: false` (AGL 1.0's gateway refuses streams and records only
 * complete answers), and a successful answer comes back as an event stream the SDK can read.
 * Every other request passes through unchanged.
 */
export function nonStreamingFetch(baseFetch: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    if (typeof init?.body !== 'string') return baseFetch(input, init);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(init.body);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return baseFetch(input, init);
      body = parsed as Record<string, unknown>;
    } catch {
      return baseFetch(input, init);
    }
    if (body.stream !== true) return baseFetch(input, init);
    const includeUsage =
      typeof body.stream_options === 'object' &&
      body.stream_options !== null &&
      (body.stream_options as { include_usage?: unknown }).include_usage === true;
    const { stream: _stream, stream_options: _options, ...rest } = body;
    const response = await baseFetch(input, {
      ...init,
      body: JSON.stringify({ ...rest, stream: false }),
    });
    if (!response.ok) return response;
    const completion = (await response.json()) as Parameters<typeof completionToChunks>[0];
    return new Response(chunksToEventStream(completionToChunks(completion, includeUsage)), {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
    });
  };
}
