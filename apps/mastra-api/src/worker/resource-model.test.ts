import { describe, expect, it } from 'vitest';
import { withRequestParameters } from './resource-model.ts';

function recordingFetch() {
  const bodies: unknown[] = [];
  const fetch = (async (_input: unknown, init?: RequestInit) => {
    bodies.push(init?.body);
    return new Response('{}');
  }) as typeof globalThis.fetch;
  return { fetch, bodies };
}

describe('withRequestParameters', () => {
  it('writes the parameters into JSON bodies, over the caller’s values', async () => {
    const { fetch, bodies } = recordingFetch();
    const wrapped = withRequestParameters({ temperature: 0.2, top_p: 0.9 }, fetch);
    await wrapped('http://x/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({ model: 'm', temperature: 1 }),
    });
    expect(JSON.parse(bodies[0] as string)).toEqual({ model: 'm', temperature: 0.2, top_p: 0.9 });
  });

  it('leaves other requests alone, and is the plain fetch without parameters', async () => {
    const { fetch, bodies } = recordingFetch();
    const wrapped = withRequestParameters({ temperature: 0 }, fetch);
    await wrapped('http://x/v1/models');
    await wrapped('http://x', { method: 'POST', body: 'not json' });
    await wrapped('http://x', { method: 'POST', body: '[1]' });
    expect(bodies).toEqual([undefined, 'not json', '[1]']);
    expect(withRequestParameters({}, fetch)).toBe(fetch);
  });
});
