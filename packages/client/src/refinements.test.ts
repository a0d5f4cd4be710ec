import { describe, expect, it } from 'vitest';
import {
  epochSeconds,
  nonNegativeSeconds,
  plainJson,
  refineAttemptPatch,
  refineRolloutPatch,
  refineRolloutRequest,
  refineSpan,
  urlSafeId,
} from './refinements.ts';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

describe('urlSafeId', () => {
  it('wants a non-empty string that fits in one path segment', () => {
    expect(urlSafeId('ro-1', 'rolloutId')).toEqual([]);
    expect(urlSafeId('  ', 'rolloutId')).toEqual(['rolloutId: must not be empty']);
    expect(urlSafeId('a/b', 'rolloutId')).toEqual(['rolloutId: must not contain "/" (got "a/b")']);
    expect(urlSafeId('a\nb', 'rolloutId')).toEqual([
      'rolloutId: must not contain control characters',
    ]);
    expect(urlSafeId(undefined, 'rolloutId')).toEqual(['rolloutId: must be a string, got nothing']);
  });
});

describe('epochSeconds', () => {
  it('tells milliseconds and nanoseconds apart from seconds', () => {
    expect(epochSeconds(1_700_000_000.25, 't')).toEqual([]);
    expect(epochSeconds(1_700_000_000_000, 't')).toEqual([
      't: 1700000000000 looks like milliseconds or nanoseconds; AGL expects epoch seconds',
    ]);
    expect(epochSeconds(-1, 't')).toEqual(['t: must be epoch seconds >= 0, got -1']);
  });

  it('leaves non-numbers to the schema', () => {
    expect(epochSeconds(null, 't')).toEqual([]);
    expect(epochSeconds('1700000000', 't')).toEqual([]);
  });
});

describe('nonNegativeSeconds and plainJson', () => {
  it('rejects negative durations', () => {
    expect(nonNegativeSeconds(0, 'd')).toEqual([]);
    expect(nonNegativeSeconds(-0.5, 'd')).toEqual([
      'd: must be a number of seconds >= 0, got -0.5',
    ]);
  });

  it('rejects what JSON cannot carry, however deep', () => {
    expect(plainJson({ a: [1, 'x', null, { b: true }] }, 'v')).toEqual([]);
    expect(plainJson({ a: [{ b: Number.NaN }] }, 'v')).toEqual([
      'v: must hold plain JSON values only (no undefined, functions or non-finite numbers)',
    ]);
    expect(plainJson({ run: () => 1 }, 'v')).toHaveLength(1);
  });
});

describe('refineSpan', () => {
  it('checks every trace and span id, wherever it is', () => {
    const context = { trace_id: TRACE.toUpperCase(), span_id: SPAN };
    expect(
      refineSpan({
        rollout_id: 'ro-1',
        attempt_id: 'at-1',
        trace_id: TRACE,
        span_id: 'short',
        parent_id: null,
        context,
        parent: null,
        links: [{ context: { trace_id: TRACE, span_id: `${SPAN}00` } }],
        events: [{ timestamp: 1_700_000_000_000_000_000 }],
      }),
    ).toEqual([
      'span.span_id: must be 16 lowercase hex characters, got "short"',
      `span.context.trace_id: must be 32 lowercase hex characters, got "${TRACE.toUpperCase()}"`,
      `span.links[0].context.span_id: must be 16 lowercase hex characters, got "${SPAN}00"`,
      'span.events[0].timestamp: 1700000000000000000 looks like milliseconds or nanoseconds; AGL expects epoch seconds',
    ]);
  });

  it('wants ids usable in a URL and extra keys that survive JSON', () => {
    expect(
      refineSpan({ rollout_id: 'ro/1', attempt_id: '', extra: { when: undefined }, other: 'ok' }),
    ).toEqual([
      'span.rollout_id: must not contain "/" (got "ro/1")',
      'span.attempt_id: must not be empty',
      'span.extra: must hold plain JSON values only (no undefined, functions or non-finite numbers)',
    ]);
  });
});

describe('request and patch refinements', () => {
  it('checks input, metadata and config durations of a request', () => {
    expect(
      refineRolloutRequest(
        { input: { f: () => 1 }, config: { unresponsive_seconds: -3 }, metadata: {} },
        'request',
      ),
    ).toEqual([
      'request.input: must hold plain JSON values only (no undefined, functions or non-finite numbers)',
      'request.config.unresponsive_seconds: must be a number of seconds >= 0, got -3',
    ]);
  });

  it('asks for {} instead of a null rollout metadata', () => {
    expect(refineRolloutPatch({ metadata: null })).toEqual([
      'patch.metadata: must be an object (use {} to clear it), got null',
    ]);
    expect(refineRolloutPatch({ metadata: {} })).toEqual([]);
  });

  it('checks the heartbeat time of an attempt patch', () => {
    expect(refineAttemptPatch({ last_heartbeat_time: 1_700_000_000_000 })).toHaveLength(1);
    expect(refineAttemptPatch({ last_heartbeat_time: 1_700_000_000 })).toEqual([]);
  });
});
