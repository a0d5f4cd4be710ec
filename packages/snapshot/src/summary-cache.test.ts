import { describe, expect, it } from 'vitest';
import { spanFacts } from './summarize-rollout.ts';
import { SummaryCache } from './summary-cache.ts';
import { makeRollout } from './testing/builders.ts';

const facts = spanFacts([]);

describe('SummaryCache', () => {
  it('remembers finished rollouts only', () => {
    const cache = new SummaryCache();
    const running = makeRollout({ status: 'running' });
    const done = makeRollout({ status: 'succeeded', end_time: 10 });
    cache.remember(running, { spans: facts });
    cache.remember(done, { spans: facts });
    expect(cache.spanFacts(running)).toBeUndefined();
    expect(cache.spanFacts(done)).toBe(facts);
    expect(cache.attemptFacts(done)).toBeUndefined();
  });

  it('forgets a rollout that was restarted and finished again', () => {
    const cache = new SummaryCache();
    const done = makeRollout({ status: 'succeeded', end_time: 10 });
    cache.remember(done, { spans: facts, attempts: { attempts: 1, error: null } });
    expect(cache.spanFacts({ ...done, end_time: 20 })).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry when full', () => {
    const cache = new SummaryCache(2);
    const [a, b, c] = [1, 2, 3].map((end) => makeRollout({ status: 'failed', end_time: end }));
    if (!a || !b || !c) throw new Error('unreachable');
    cache.remember(a, { spans: facts });
    cache.remember(b, { spans: facts });
    cache.spanFacts(a);
    cache.remember(c, { spans: facts });
    expect(cache.spanFacts(a)).toBe(facts);
    expect(cache.spanFacts(b)).toBeUndefined();
    expect(cache.spanFacts(c)).toBe(facts);
  });

  it('rejects a bad capacity', () => {
    expect(() => new SummaryCache(0)).toThrow(/capacity/);
  });
});
