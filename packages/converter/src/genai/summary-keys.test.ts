import { describe, expect, it } from 'vitest';
import { summaryKeysOf } from './summary-keys.ts';

describe('summaryKeysOf', () => {
  it('lists the request and response keys, nothing else', () => {
    expect(
      summaryKeysOf({
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.request.model': 'gpt',
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.usage.input_tokens': 3,
        'gen_ai.requested': 'not a request key',
      }),
    ).toEqual(['gen_ai.request.model', 'gen_ai.response.finish_reasons']);
  });

  it('is undefined when there are none', () => {
    expect(summaryKeysOf({ 'gen_ai.agent.name': 'bot' })).toBeUndefined();
  });
});
