import { describe, expect, it } from 'vitest';
import type { Span } from './model.ts';
import {
  validateAttemptPatch,
  validateAttributeValue,
  validateId,
  validateNamedResources,
  validateRolloutPatch,
  validateRolloutQuery,
  validateRolloutRequest,
  validateSpan,
} from './validate.ts';

function span(overrides: Record<string, unknown> = {}): Span {
  return {
    rollout_id: 'ro-000000000001',
    attempt_id: 'at-00000001',
    sequence_id: 1,
    trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
    span_id: '00f067aa0ba902b7',
    parent_id: null,
    name: 'agent.run',
    status: { status_code: 'OK', description: null },
    attributes: { 'agent.name': 'calc', tokens: [1, 2.5], ok: true, tags: ['a', 'b'] },
    events: [{ name: 'e', attributes: {}, timestamp: 1700000000.5 }],
    links: [
      {
        context: {
          trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
          span_id: '00f067aa0ba902b8',
          is_remote: false,
          trace_state: {},
        },
        attributes: null,
      },
    ],
    start_time: 1700000000,
    end_time: 1700000001,
    context: {
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      is_remote: false,
      trace_state: {},
    },
    parent: null,
    resource: { attributes: { 'service.name': 'x' }, schema_url: '' },
    ...overrides,
  } as Span;
}

describe('validateSpan', () => {
  it('accepts a complete span, extra top-level keys included', () => {
    expect(validateSpan(span())).toEqual([]);
    expect(validateSpan(span({ kind: 'SpanKind.INTERNAL' }))).toEqual([]);
  });

  it('names every missing key (nullable keys must be present as null)', () => {
    const { parent_id: _a, context: _b, ...rest } = span();
    expect(validateSpan(rest)).toEqual([
      'span.parent_id: missing; every span key is required (send null where allowed)',
      'span.context: missing; every span key is required (send null where allowed)',
    ]);
  });

  it('checks id formats: 32/16 lowercase hex', () => {
    expect(
      validateSpan(span({ trace_id: 'ABC', span_id: '00F067AA0BA902B7', parent_id: '12' })),
    ).toEqual([
      'span.trace_id: must be 32 lowercase hex characters, got "ABC"',
      'span.span_id: must be 16 lowercase hex characters, got "00F067AA0BA902B7"',
      'span.parent_id: must be 16 lowercase hex characters, got "12"',
    ]);
  });

  it('rejects null, objects, nested and mixed arrays, and non-finite numbers as attribute values', () => {
    const problems = validateSpan(
      span({
        attributes: {
          nothing: null,
          nested: { a: 1 },
          deep: [[1]],
          mixed: ['a', 1],
          big: Number.POSITIVE_INFINITY,
          'with space': Number.NaN,
        },
      }),
    );
    expect(problems).toEqual([
      'span.attributes.nothing: null is not allowed; leave the attribute out instead',
      'span.attributes.nested: an object is not allowed; flatten nested values into dotted keys or JSON strings',
      'span.attributes.deep[0]: [1] is not allowed in an attribute array; use strings, finite numbers or booleans',
      'span.attributes.mixed: arrays must hold one type only, found string and number',
      'span.attributes.big: Infinity is not allowed; numbers must be finite',
      'span.attributes["with space"]: NaN is not allowed; numbers must be finite',
    ]);
  });

  it('accepts ints mixed with floats and empty arrays, as AGL does', () => {
    expect(validateAttributeValue([1, 2.5, 3], 'a')).toEqual([]);
    expect(validateAttributeValue([], 'a')).toEqual([]);
  });

  it('checks status codes, times and nested shapes with their paths', () => {
    const problems = validateSpan(
      span({
        sequence_id: 1.5,
        status: { status_code: 'STATUS_CODE_OK', description: null },
        start_time: 1_700_000_000_000,
        events: [{ name: 'e', attributes: { x: null } }],
        links: [
          {
            context: {
              trace_id: 'x',
              span_id: '00f067aa0ba902b8',
              is_remote: 'no',
              trace_state: {},
            },
          },
        ],
        resource: { attributes: {} },
      }),
    );
    expect(problems).toEqual([
      'span.sequence_id: must be an integer, got 1.5',
      'span.status.status_code: must be one of UNSET, OK, ERROR; got "STATUS_CODE_OK"',
      'span.events[0].attributes.x: null is not allowed; leave the attribute out instead',
      'span.links[0].context.trace_id: must be 32 lowercase hex characters, got "x"',
      'span.links[0].context.is_remote: must be a boolean, got "no"',
      'span.start_time: 1700000000000 looks like milliseconds or nanoseconds; AGL expects epoch seconds',
      'span.resource.schema_url: must be a string (use ""), got nothing',
    ]);
  });

  it('rejects things that are not spans at all', () => {
    expect(validateSpan(null)).toEqual(['span: must be an object, got null']);
    expect(validateSpan([])).toEqual(['span: must be an object, got an array']);
  });
});

describe('validateId', () => {
  it('wants a non-empty string that fits in a path segment', () => {
    expect(validateId('ro-1', 'rolloutId')).toEqual([]);
    expect(validateId('', 'rolloutId')).toEqual(['rolloutId: must not be empty']);
    expect(validateId('a/b', 'rolloutId')).toEqual(['rolloutId: must not contain "/" (got "a/b")']);
    expect(validateId(7, 'rolloutId')).toEqual(['rolloutId: must be a string, got a number']);
  });
});

describe('rollout requests and patches', () => {
  it('requires input (null is fine) and checks mode and config', () => {
    expect(validateRolloutRequest({ input: null })).toEqual([]);
    expect(
      validateRolloutRequest({
        mode: 'training',
        config: { max_attempts: 0, retry_condition: ['timeout', 'lost'], timeout: 5 },
      }),
    ).toEqual([
      'request.input: required; pass null when the rollout has no input',
      'request.mode: must be one of train, val, test; got "training"',
      'request.config.max_attempts: must be a whole number >= 1, got 0',
      'request.config.retry_condition[1]: must be one of preparing, running, failed, succeeded, unresponsive, timeout; got "lost"',
      'request.config.timeout: unknown config key; use timeout_seconds, unresponsive_seconds, max_attempts, retry_condition',
    ]);
  });

  it('rejects null where AGL means "unchanged" only by omission', () => {
    expect(validateRolloutPatch({ status: null, metadata: null, mode: null })).toEqual([
      'patch.status: must be one of queuing, preparing, running, failed, succeeded, cancelled, requeuing; got null',
      'patch.metadata: must be an object (use {} to clear it), got null',
    ]);
    expect(
      validateAttemptPatch({ worker_id: null, last_heartbeat_time: null, status: 'done' }),
    ).toEqual([
      'patch.status: must be one of preparing, running, failed, succeeded, unresponsive, timeout; got "done"',
      'patch.worker_id: must be a string (use "" to clear it), got null',
      'patch.last_heartbeat_time: must be a finite number, got null',
    ]);
  });

  it('checks queries', () => {
    expect(validateRolloutQuery({ limit: -1, offset: 0, status: ['running'] })).toEqual([]);
    expect(validateRolloutQuery({ limit: 0, offset: -2, sortOrder: 'up' })).toEqual([
      'query.limit: must be a whole number >= 1, or -1 for no limit; got 0',
      'query.offset: must be a whole number >= 0, got -2',
      'query.sortOrder: must be one of asc, desc; got "up"',
    ]);
  });

  it('checks resources by their resource_type', () => {
    expect(
      validateNamedResources({
        main_llm: { resource_type: 'llm', endpoint: 'http://x', model: 'm' },
        prompt: { resource_type: 'prompt_template', template: 'hi', engine: 'f-string' },
      }),
    ).toEqual([]);
    expect(
      validateNamedResources({ a: { endpoint: 'x', model: 'm' }, b: { resource_type: 'llm' } }),
    ).toEqual([
      'resources.a.resource_type: must be one of llm, proxy_llm, prompt_template; got undefined',
      'resources.b.endpoint: must be a string',
      'resources.b.model: must be a string',
    ]);
  });
});
