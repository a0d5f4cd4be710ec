import { describe, expect, it } from 'vitest';
import { toolOutput } from './request-attributes.ts';

describe('toolOutput', () => {
  it('gives each tool result as an OpenAI-compatible provider sends it to the model', () => {
    expect(toolOutput({ type: 'text', value: 'plain' })).toBe('plain');
    expect(toolOutput({ type: 'json', value: { forecast: 'sunny' } })).toBe('{"forecast":"sunny"}');
    expect(toolOutput({ type: 'error-text', value: 'currency service unavailable' })).toBe(
      'currency service unavailable',
    );
    expect(
      toolOutput({ type: 'error-json', value: { error: 'currency service unavailable' } }),
    ).toBe('{"error":"currency service unavailable"}');
    expect(toolOutput({ type: 'error-json', value: 'down' })).toBe('"down"');
    expect(toolOutput({ type: 'execution-denied', reason: 'not allowed' })).toBe('not allowed');
    expect(toolOutput({ type: 'content', value: [{ type: 'text', text: 'a' }] })).toBe(
      '[{"type":"text","text":"a"}]',
    );
  });
});
