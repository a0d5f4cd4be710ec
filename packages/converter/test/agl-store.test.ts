// Converted spans against real AGL stores (0.2.2 and 0.3.0): accepted, read back unchanged, and
// read correctly by AGL's own training adapters (TraceToMessages, TracerTraceToTriplet).
import { type AglStore, connect, type Span } from '@agl/client';
import { type AdapterOutput, runAglAdapters } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAglSpanConverter } from '../src/index.ts';
import { anySpanParts, readableSpanFrom } from './arbitrary-span.ts';
import { loadFixture } from './fixtures/load-fixture.ts';
import { handBuiltSpans } from './hand-built-spans.ts';

/** Converts `spans` into one new rollout, in order, and reads them back. */
async function storeAndReadBack(
  store: AglStore,
  spans: readonly ReadableSpan[],
  converter = createAglSpanConverter(),
): Promise<{ sent: Span[]; readBack: Span[] }> {
  const { rollout_id: rolloutId, attempt } = await store.startRollout({ input: null });
  const attemptId = attempt.attempt_id;
  const sent: Span[] = [];
  for (const span of spans) {
    const sequenceId = await store.nextSequenceId(rolloutId, attemptId);
    const converted = converter.convert(span, { rolloutId, attemptId, sequenceId });
    await store.addSpan(converted);
    sent.push(converted);
  }
  return { sent, readBack: await store.querySpans(rolloutId) };
}

const SYSTEM = { role: 'system', content: 'You are a weather bot.' };
const USER = { role: 'user', content: 'What is the weather in Paris?' };
const WEATHER_CALL = {
  id: 'call-1',
  type: 'function',
  function: { name: 'weather', arguments: '{"city":"Paris"}' },
};
const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'Get the weather for a city',
    parameters: expect.objectContaining({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    }),
  },
};
/** Importing agentlightning alone takes 10-20 s on a busy machine. */
const PYTHON_TIMEOUT_MS = 180_000;

describe.each(['0.2.2', '0.3.0'] as const)('converted spans in a real AGL %s store', (version) => {
  const server = useAglStore(version);
  let store: AglStore;
  // Both Mastra runs go through one Python process: importing agentlightning takes seconds.
  let mastraRuns: Promise<{ withMiddleware: AdapterOutput; withoutMiddleware: AdapterOutput }>;
  const fixtureReadBacks: Span[][] = [];

  beforeAll(async () => {
    store = await connect(server.url);
    for (const name of ['mastra-weather-run.json', 'mastra-weather-run-no-middleware.json']) {
      const { sent, readBack } = await storeAndReadBack(store, loadFixture(name).spans);
      expect(readBack).toEqual(sent);
      fixtureReadBacks.push(readBack);
    }
    mastraRuns = runAglAdapters(version, fixtureReadBacks).then(
      ([withMiddleware, withoutMiddleware]) => {
        if (!withMiddleware || !withoutMiddleware)
          throw new Error("AGL's adapters returned too few results");
        return { withMiddleware, withoutMiddleware };
      },
    );
    // Keep an early failure from surfacing as an unhandled rejection; the tests await it.
    mastraRuns.catch(() => undefined);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('accepts hand-built spans of every shape and reads them back unchanged', async () => {
    const { sent, readBack } = await storeAndReadBack(store, handBuiltSpans());
    expect(readBack).toEqual(sent);
  });

  it('accepts spans with arbitrary attribute values and reads them back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(anySpanParts, {
          minLength: 1,
          maxLength: 4,
          selector: (parts) => parts.spanId,
        }),
        async (partsList) => {
          const { sent, readBack } = await storeAndReadBack(store, partsList.map(readableSpanFrom));
          expect(readBack).toEqual(sent);
        },
      ),
      { numRuns: 12 },
    );
  });

  it(
    "feeds a Mastra run with the middleware to AGL's adapters: full messages and one triplet per call",
    async () => {
      const output = (await mastraRuns).withMiddleware;
      expect(output.agentlightning).toBe(version);

      expect(output.messages).toEqual([
        {
          messages: [
            SYSTEM,
            USER,
            { role: 'assistant', content: null, tool_calls: [WEATHER_CALL] },
          ],
          tools: [WEATHER_TOOL],
        },
        {
          messages: [
            SYSTEM,
            USER,
            { role: 'assistant', content: null, tool_calls: [WEATHER_CALL] },
            { role: 'tool', content: '{"forecast":"sunny in Paris"}', tool_call_id: 'call-1' },
            { role: 'assistant', content: 'It is sunny in Paris.' },
          ],
          tools: [WEATHER_TOOL],
        },
      ]);

      expect(output.triplets).toHaveLength(2);
      expect(output.triplets[0]).toMatchObject({
        prompt: { token_ids: [101, 201, 301] },
        response: { token_ids: [401, 501] },
        reward: null,
        metadata: { response_id: 'chatcmpl-weather-1', agent_name: 'weatherAgent' },
      });
      expect(output.triplets[1]).toMatchObject({
        prompt: { token_ids: [102, 202, 302] },
        response: { token_ids: [402, 502] },
        metadata: { response_id: 'chatcmpl-weather-2', agent_name: 'weatherAgent' },
      });
    },
    PYTHON_TIMEOUT_MS,
  );

  it(
    "feeds a Mastra run without the middleware to AGL's adapters: one triplet per step, simplified prompts",
    async () => {
      const output = (await mastraRuns).withoutMiddleware;

      expect(output.messages).toEqual([
        {
          messages: [
            SYSTEM,
            USER,
            { role: 'assistant', content: null, tool_calls: [WEATHER_CALL] },
          ],
          tools: null,
        },
        {
          messages: [
            SYSTEM,
            USER,
            { role: 'assistant', content: '[tool: weather]' },
            { role: 'tool', content: '[tool-result: weather]', tool_call_id: '' },
            { role: 'assistant', content: 'It is sunny in Paris.' },
          ],
          tools: null,
        },
      ]);
      expect(output.triplets.map((triplet) => triplet.metadata)).toMatchObject([
        { response_id: 'chatcmpl-weather-1', agent_name: 'weatherAgent' },
        { response_id: 'chatcmpl-weather-2', agent_name: 'weatherAgent' },
      ]);
      expect(output.triplets[0]?.prompt.token_ids).toEqual([101, 201, 301]);
    },
    PYTHON_TIMEOUT_MS,
  );
});
