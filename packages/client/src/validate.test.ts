import { describe, expect, it } from 'vitest';
import type { Span } from './model.ts';
import {
  validateAttemptPatch,
  validateId,
  validateNamedResources,
  validateRolloutPatch,
  validateRolloutQuery,
  validateRolloutRequest,
  validateSpan,
  validateWaitTimeout,
} from './validate.ts';

const ATTRIBUTE_RULE =
  'must be a string, a boolean or a number, or an array of one of those types only';

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
    const { parent_id: _a, context: _b, name: _c, ...rest } = span();
    expect(validateSpan(rest)).toEqual([
      'span.parent_id: missing; send null when there is no value',
      'span.name: missing',
      'span.context: missing; send null when there is no value',
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
      `span.attributes.nothing: ${ATTRIBUTE_RULE}; got null`,
      `span.attributes.nested: ${ATTRIBUTE_RULE}; got {"a":1}`,
      `span.attributes.deep: ${ATTRIBUTE_RULE}; got [[1]]`,
      `span.attributes.mixed: ${ATTRIBUTE_RULE}; got ["a",1]`,
      `span.attributes.big: ${ATTRIBUTE_RULE}; got Infinity (numbers must be finite)`,
      `span.attributes["with space"]: ${ATTRIBUTE_RULE}; got NaN (numbers must be finite)`,
    ]);
  });

  it('accepts ints mixed with floats and empty arrays, as AGL does', () => {
    expect(validateSpan(span({ attributes: { a: [1, 2.5, 3], b: [] } }))).toEqual([]);
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
      `span.events[0].attributes.x: ${ATTRIBUTE_RULE}; got null`,
      'span.links[0].context.is_remote: must be a boolean, got "no"',
      'span.resource.schema_url: missing',
      'span.start_time: 1700000000000 looks like milliseconds or nanoseconds; AGL expects epoch seconds',
      'span.links[0].context.trace_id: must be 32 lowercase hex characters, got "x"',
    ]);
  });

  it('looks inside a context that may also be null', () => {
    expect(
      validateSpan(
        span({ context: { trace_id: 'x', span_id: 3, is_remote: false, trace_state: { a: 1 } } }),
      ),
    ).toEqual([
      'span.context.span_id: must be a string, got 3',
      'span.context.trace_state.a: must be a string, got 1',
      'span.context.trace_id: must be 32 lowercase hex characters, got "x"',
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
    expect(validateId(7, 'rolloutId')).toEqual(['rolloutId: must be a string, got 7']);
  });
});

describe('rollout requests and patches', () => {
  it('requires input (null is fine) and checks mode and config, unknown config keys included', () => {
    expect(validateRolloutRequest({ input: null })).toEqual([]);
    expect(
      validateRolloutRequest({
        mode: 'training',
        config: {
          max_attempts: 0,
          retry_condition: ['timeout', 'lost'],
          timeout: 5,
          timeout_seconds: -1,
        },
      }),
    ).toEqual([
      'request.input: missing; send null when there is no value',
      'request.mode: must be one of train, val, test, null; got "training"',
      'request.config.timeout: unknown key; use timeout_seconds, unresponsive_seconds, max_attempts, retry_condition',
      'request.config.max_attempts: must be >= 1, got 0',
      'request.config.retry_condition[1]: must be one of preparing, running, failed, succeeded, unresponsive, timeout; got "lost"',
      'request.config.timeout_seconds: must be a number of seconds >= 0, got -1',
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
      'patch.worker_id: must be a string, got null',
      'patch.last_heartbeat_time: must be a number, got null',
    ]);
  });

  it('names unknown patch keys, which the store would ignore', () => {
    expect(validateRolloutPatch({ statuss: 'running' })).toEqual([
      'patch.statuss: unknown key; use input, mode, resources_id, status, config, metadata',
    ]);
    expect(validateAttemptPatch({ heartbeat: 1 })).toEqual([
      'patch.heartbeat: unknown key; use status, worker_id, last_heartbeat_time, metadata',
    ]);
  });

  it('checks queries and wait timeouts', () => {
    expect(validateRolloutQuery({ limit: -1, offset: 0, status: ['running'] })).toEqual([]);
    expect(validateRolloutQuery({ limit: 0, offset: -2, sortOrder: 'up' })).toEqual([
      'query.limit: must be a whole number >= 1, or -1 for no limit; got 0',
      'query.offset: must be a whole number >= 0; got -2',
      'query.sortOrder: must be one of asc, desc; got "up"',
    ]);
    expect(validateWaitTimeout(0)).toEqual([]);
    expect(validateWaitTimeout(-1)).toEqual([
      'timeoutSeconds: must be a number of seconds >= 0, got -1',
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
      validateNamedResources({
        a: { endpoint: 'x', model: 'm' },
        b: { resource_type: 'llm' },
        c: { resource_type: 'prompt_template', template: 'x', engine: 'mustache' },
      }),
    ).toEqual([
      'resources.a.resource_type: must be one of llm, proxy_llm, prompt_template; got undefined',
      'resources.b.endpoint: missing',
      'resources.b.model: missing',
      'resources.c.engine: must be one of jinja, f-string, poml; got "mustache"',
    ]);
  });
});
