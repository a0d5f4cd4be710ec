import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-error.ts';
import { matchRoute } from './match-route.ts';

function fails(method: string, path: string, status: number, message: RegExp) {
  try {
    matchRoute(method, path);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).message).toMatch(message);
    return;
  }
  throw new Error(`expected ${status}`);
}

describe('matchRoute', () => {
  it('finds every route, tolerating a trailing slash', () => {
    expect(matchRoute('GET', '/health')).toEqual({ name: 'health' });
    expect(matchRoute('HEAD', '/health')).toEqual({ name: 'health' });
    expect(matchRoute('GET', '/v1/models/')).toEqual({ name: 'models' });
    expect(matchRoute('GET', '/v1/models/gpt%2F4')).toEqual({ name: 'model', id: 'gpt/4' });
    expect(matchRoute('POST', '/v1/chat/completions')).toEqual({ name: 'chat.completions' });
    expect(matchRoute('POST', '/v1/responses')).toEqual({ name: 'responses' });
  });

  it('answers 404 for unknown paths and 405 for wrong methods', () => {
    fails(
      'GET',
      '/v1/embeddings',
      404,
      /Invalid URL \(GET \/v1\/embeddings\).*POST \/v1\/responses/,
    );
    fails('POST', '/', 404, /Invalid URL/);
    fails(
      'GET',
      '/v1/chat/completions',
      405,
      /GET is not allowed on \/v1\/chat\/completions: use POST/,
    );
    fails('DELETE', '/v1/models', 405, /use GET/);
  });
});
