import { validateSpan } from '@agl/client';
import { describe, expect, it } from 'vitest';
import { buildRewardSpan } from './reward-span.ts';

const base = {
  rolloutId: 'ro-1',
  attemptId: 'at-1',
  sequenceId: 7,
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  parentSpanId: '00f067aa0ba902b7',
  reward: 0.75,
  time: 1_700_000_000.5,
};

describe('buildRewardSpan', () => {
  it('builds a span both AGL versions read as the reward, valid for the client', () => {
    const span = buildRewardSpan({ ...base, resourceAttributes: { 'service.name': 'w' } });
    expect(validateSpan(span)).toEqual([]);
    expect(span).toMatchObject({
      name: 'agentlightning.reward',
      sequence_id: 7,
      parent_id: '00f067aa0ba902b7',
      start_time: 1_700_000_000.5,
      end_time: 1_700_000_000.5,
      attributes: {
        reward: 0.75,
        'agentlightning.reward.0.name': 'primary',
        'agentlightning.reward.0.value': 0.75,
      },
      resource: { attributes: { 'service.name': 'w' }, schema_url: '' },
    });
    expect(span.span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(span.parent?.span_id).toBe('00f067aa0ba902b7');
  });

  it('can be a root span, and refuses a reward that is not a finite number', () => {
    expect(buildRewardSpan({ ...base, parentSpanId: null }).parent).toBeNull();
    expect(() => buildRewardSpan({ ...base, reward: Number.NaN })).toThrow(/finite number/);
  });
});
