import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { applyRequestGuards } from './request-guards.ts';

function guarded(options: Parameters<typeof applyRequestGuards>[1]) {
  const app = new Hono();
  applyRequestGuards(app, options);
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.post('/api/echo', async (c) => c.json(await c.req.json()));
  return app;
}

const json = { 'content-type': 'application/json' };

describe('applyRequestGuards', () => {
  it('accepts JSON and refuses other bodies with 415', async () => {
    const app = guarded({});
    const ok = await app.request('/api/echo', { method: 'POST', headers: json, body: '{"a":1}' });
    expect(ok.status).toBe(200);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const response = await app.request('/api/echo', {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: '{"a":1}',
      });
      expect(response.status, String(type)).toBe(415);
      expect(await response.json()).toMatchObject({ error: 'unsupported_media_type' });
    }
  });

  it('answers 413 to a body over the limit', async () => {
    const app = guarded({ maxBodyBytes: 16 });
    const response = await app.request('/api/echo', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: 'x'.repeat(64) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('on loopback answers only to loopback host names', async () => {
    const app = guarded({ bindHost: '127.0.0.1' });
    const at = async (host: string) =>
      (await app.request('http://x/health', { headers: { host } })).status;
    expect(await at('127.0.0.1:3000')).toBe(200);
    expect(await at('localhost')).toBe(200);
    expect(await at('[::1]:3000')).toBe(200);
    expect(await at('rebind.example:3000')).toBe(403);
    expect(
      await guarded({ bindHost: '0.0.0.0' }).request('http://rebind.example/health'),
    ).toHaveProperty('status', 200);
  });

  it('requires the token everywhere but /health', async () => {
    const app = guarded({ token: 's3cret' });
    expect((await app.request('/health')).status).toBe(200);
    const without = await app.request('/api/echo', { method: 'POST', headers: json, body: '{}' });
    expect(without.status).toBe(401);
    const wrong = await app.request('/api/echo', {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const right = await app.request('/api/echo', {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer s3cret' },
      body: '{}',
    });
    expect(right.status).toBe(200);
  });

  it('rejects a nonsensical body limit', () => {
    expect(() => guarded({ maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
  });
});
